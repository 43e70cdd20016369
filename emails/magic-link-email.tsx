import { Button, Heading, Text } from '@react-email/components';
import { EmailLayout } from './components/email-layout';

/** Both languages in one mail: the address may belong to anyone, and we do not know their language. */
export function MagicLinkEmail({ link }: { link: string }) {
  return (
    <EmailLayout
      lang="en"
      preview="Your sign-in link · 登录链接"
      forumName="Hybrid Forum"
      footerText="If you did not ask for this link, ignore this mail; nobody can sign in without it. 如非本人操作，请忽略此邮件。"
    >
      <Heading as="h1" style={{ fontSize: 22 }}>
        Sign in · 登录
      </Heading>
      <Text>Use the button to sign in. The link works once and expires in 15 minutes.</Text>
      <Text>点击下方按钮登录。链接仅可使用一次，15 分钟内有效。</Text>
      <Button href={link} style={{ backgroundColor: '#0b5cad', borderRadius: 6, color: '#ffffff', padding: '10px 18px' }}>
        Sign in · 登录
      </Button>
      <Text style={{ color: '#4b5563', fontSize: 12, wordBreak: 'break-all' }}>{link}</Text>
    </EmailLayout>
  );
}
