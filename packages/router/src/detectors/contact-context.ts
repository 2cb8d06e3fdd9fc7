// Published contact details versus personal data: the rule shared by the email and phone
// detectors (documented at the top of email.ts and in the package README).
//
// A contact offered for contact — a role address (support@, press@, hr@ ...), a toll-free number,
// or an address or number introduced by an organisational cue ("contact us", "call us at",
// "media contact", "customer service", "our office", "switchboard" ...) — is published, not
// personal data, and does not make a text confidential. A personal cue between that organisational
// cue and the value ("... or my cell", "her personal email") takes the value back to personal.
import { registerSharedPatterns } from './registry';
import { nearestBefore, type TextView } from './text-view';

const PUBLISHED_CUE =
  /\b(?:contact us|reach us|email us|e-mail us|write to us|call us|phone us|ring us|text us|message us|get in touch|media (?:contact|enquiries|inquiries|relations|desk)|press (?:contact|office|enquiries|inquiries|desk|team|relations)|investor relations|for (?:more information|further information|questions|support|help|assistance|inquiries|enquiries|press|media|bookings|reservations|sales)|customer (?:service|support|care|success)|(?:help|service|support|it) desk|helpdesk|help ?line|hotline|switchboard|main (?:line|office|number)|head ?office|headquarters|reception|front desk|toll[- ]free|(?:our|the) (?:office|team|support|sales|store|shop|hr|help|service|front|booking|reservations|press|media) ?(?:team|desk|department|line|office)?|general (?:enquiries|inquiries)|visit us|enquiries|inquiries|kontakt|contactez-nous|contacto|atendimento|bei fragen|wenden sie sich|pour toute question|para cualquier consulta|en caso de dudas|per informazioni|neem contact op|(?:new |our |its |head |main |regional )?offices? (?:at|in|on)|(?:store|shop|branch|showroom|warehouse|clinic|campus) (?:at|on)|located at|based at|headquartered (?:at|in)|opened (?:a |an |its |our |their )?(?:new )?(?:office|store|branch|shop|clinic|location))\b|\bquestions\?|お問い合わせ|問合せ|カスタマー|窓口|代表電話|客服|客户服务|服务热线|热线|總機|总机|고객센터|대표번호|상담센터/gi;
const PERSONAL_CUE =
  /\b(?:my|me|mine|his|her|their|personal|private|home|cell|mobile|whatsapp|next of kin|emergency contact|lives at|direct line|reach me|text me|call me|email me)\b/gi;

registerSharedPatterns('contact-context', [PUBLISHED_CUE, PERSONAL_CUE]);

/** Is a personal cue ("my", "her", "mobile", "home") within `window` characters before `index`? */
export function personalCueBefore(view: TextView, index: number, window = 40): boolean {
  return nearestBefore(view.spans(PERSONAL_CUE), index, window) !== undefined;
}

/** How far before a value its cue may stand. */
const CUE_WINDOW = 100;

/**
 * Is the value at `index` offered as a published contact: an organisational cue shortly before it,
 * with no personal cue between the two, and no blank line in between?
 */
export function offeredAsContact(view: TextView, index: number): boolean {
  const published = nearestBefore(view.spans(PUBLISHED_CUE), index, CUE_WINDOW);
  if (!published) return false;
  if (view.text.slice(published.end, index).includes('\n\n')) return false;
  const personal = nearestBefore(view.spans(PERSONAL_CUE), index, CUE_WINDOW);
  return !personal || personal.end <= published.start;
}
