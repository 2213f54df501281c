import type { Locale } from '../../../shared/boot.js';
import type { MailMessage } from './mailer.js';

// The emails a school sends, in the school's language.

export function invitationMail(
  locale: Locale,
  to: string,
  name: string,
  schoolName: string,
  link: string,
  hours: number,
): MailMessage {
  if (locale === 'ar') {
    return {
      to,
      subject: `دعوة للانضمام إلى ${schoolName} على سكولهاوس`,
      text: `مرحبًا ${name}،\n\nتمت دعوتك للانضمام إلى ${schoolName}. لإنشاء كلمة المرور وتفعيل حسابك افتح الرابط التالي:\n\n${link}\n\nينتهي هذا الرابط خلال ${hours} ساعة ولا يمكن استخدامه إلا مرة واحدة.\n`,
    };
  }
  return {
    to,
    subject: `You're invited to ${schoolName} on Schoolhouse`,
    text: `Hello ${name},\n\nYou have been invited to join ${schoolName}. To choose your password and activate your account, open this link:\n\n${link}\n\nThe link works once and expires in ${hours} hours. If you did not expect this invitation, you can ignore this email.\n`,
  };
}

export function passwordResetMail(
  locale: Locale,
  to: string,
  name: string,
  schoolName: string,
  link: string,
  minutes: number,
): MailMessage {
  if (locale === 'ar') {
    return {
      to,
      subject: `إعادة تعيين كلمة المرور في ${schoolName}`,
      text: `مرحبًا ${name}،\n\nطلب أحدهم إعادة تعيين كلمة المرور لحسابك في ${schoolName}. لاختيار كلمة مرور جديدة افتح الرابط التالي:\n\n${link}\n\nينتهي هذا الرابط خلال ${minutes} دقيقة ولا يمكن استخدامه إلا مرة واحدة. إذا لم تطلب ذلك فتجاهل هذه الرسالة.\n`,
    };
  }
  return {
    to,
    subject: `Reset your ${schoolName} password`,
    text: `Hello ${name},\n\nSomeone asked to reset the password of your ${schoolName} account. To choose a new password, open this link:\n\n${link}\n\nThe link works once and expires in ${minutes} minutes. If you did not ask for this, ignore this email; your password stays as it is.\n`,
  };
}
