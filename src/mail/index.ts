/** Outgoing e-mail: SMTP when configured, otherwise a log line without the message's secret link. */
export {
  type Bericht,
  createMailer,
  LINK,
  MailFout,
  type Mailer,
  type MailerOpties,
  type MailLog,
  vulLinkIn,
} from './mail.ts';
