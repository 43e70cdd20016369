import { getTranslations } from 'next-intl/server';
import { isValidationMessage, readValidationMessage } from './message';
import { verifiedError } from './query-error';

/**
 * Words, in the request's language, for a message a server page got back from an action (through
 * its query): a validation key (message.ts) is translated (unsigned, only with numbers for values);
 * other text is shown only when the app signed it (query-error.ts); anything else, a crafted link's
 * sentence, is a plain "not done".
 */
export async function validationWords() {
  const t = await getTranslations('validation');
  return (message: string): string => {
    const signed = verifiedError(message);
    const said = signed ?? message;
    if (isValidationMessage(said)) {
      const { key, values } = readValidationMessage(said);
      // Unsigned, a key's values come from whoever wrote the link: only numbers (every value the app
      // gives a key is one), or "at most URGENT: pay at … characters" would read as the app's words.
      if (!signed && Object.values(values).some((v) => !/^\d{1,9}$/.test(String(v)))) return t('notDone');
      return t(key, values);
    }
    return signed ?? t('notDone');
  };
}
