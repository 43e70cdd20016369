import { getTranslations } from 'next-intl/server';
import { isValidationMessage, readValidationMessage } from './message';

/**
 * Words, in the request's language, for a message a server page got back from an action: a
 * validation key (message.ts) is translated; any other text is the action's own sentence.
 */
export async function validationWords() {
  const t = await getTranslations('validation');
  return (message: string): string => {
    if (!isValidationMessage(message)) return message;
    const { key, values } = readValidationMessage(message);
    return t(key, values);
  };
}
