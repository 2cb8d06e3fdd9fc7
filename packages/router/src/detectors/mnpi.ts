// Material non-public information: deals, results and decisions that are not yet public. What
// counts is a statement that something is undisclosed, embargoed or for the board only, not the
// topic: "How do acquisitions work?" and an insider-trading policy that explains the term stay
// public; "we are acquiring Contoso for $2.1bn, announcement on 12 May" does not.
// "A near B" rules find A and B with separate patterns and compare positions, which keeps every
// pattern simple and the work linear.
import { registerDetector, type Finding } from './registry';
import { nearestBefore, type TextView } from './text-view';

const DEAL =
  /\b(?:acqui(?:re|res|ring|red|sition)|merger|merge with|takeover|take-over|buyout|buy-out|tender offer|divest(?:iture|ing|ment)?|spin-?off|deal|ipo|fundraise|funding round|earnings|revenue|guidance|profit warning|layoffs|redundancies|restructuring|reorg(?:anisation|anization)?|dividend|share buyback|stock split)\b/gi;
const MERGER = /\b(?:acqui(?:re|res|ring|red|sition)|merger|takeover|take-over|buyout|buy-out|tender offer)\b/gi;
const FIGURES = /\b(?:q[1-4]|quarterly|half-year|full-year|annual|fy\d{2,4}) (?:revenue|earnings|results|eps|ebitda|profit|numbers)\b/gi;
// "undisclosed", "not yet announced" before the deal ...
const UNDISCLOSED = /\b(?:undisclosed|unannounced|unreleased|unpublished|not yet (?:public|announced|disclosed|released)|pre-announcement|non-public|nonpublic)\b/gi;
// ... or after it: "the deal has not been announced", "ahead of the announcement"
const NOT_YET_PUBLIC =
  /\b(?:(?:has|have|is|are) not (?:yet )?been (?:announced|disclosed|made public|released)|not yet (?:public|announced|disclosed|released)|before (?:it is|it's|they are|the) (?:announced|public|released|announcement|release|call)|ahead of (?:the |its |our )?(?:announcement|release|publication|earnings call)|(?:is|are) confidential until|not (?:yet )?(?:released|public|announced)|pre-release)\b/gi;
// deal terms: "at $89 per share", "for 1489 Mio. EUR", "for $2.1bn"
const PRICE = /\b(?:at|for) (?:[$€£]|usd |eur |gbp )?\d[\d.,]{0,12} ?(?:per share|a share|m|bn|b|mn|million|billion|mio|mrd)\b/gi;
// "today announced the completion of its acquisition", "completed its takeover": the deal is public.
const ANNOUNCED =
  /\b(?:(?:today|has|have|had|publicly|previously|officially|formally|first|was|were) announced|announces|announced (?:today|on|in|that|the)|completed|completes|completion of|closed|closes|closing of|for immediate release)\b/gi;
const STATEMENTS: RegExp[] = [
  // "we are acquiring Fabrikam", "in talks to acquire the startup"
  /\b(?:[Ww]e(?: are|'re| will be)|(?:[Ii]s|[Aa]re|[Ww]e're) (?:secretly )?in talks to|[Pp]reparing to) (?:acquir(?:e|ing)|merg(?:e|ing) with|tak(?:e|ing) over) (?:[A-Z][A-Za-z0-9&-]{1,30}|(?:a|our|the) (?:rival|competitor|startup|company|supplier|business))\b/g,
  /\b(?:signed|draft|the|our) (?:term sheet|letter of intent|loi)\b|\bper-share (?:price|offer)\b|\boffer price of\b/gi,
  // "board only", "board eyes only", "for the board's eyes only", in the common languages
  /\b(?:board (?:eyes )?only|for the board(?:'s eyes)? only|board[- ]confidential|directors only|not for release|strictly embargoed|nur fur den (?:vorstand|aufsichtsrat)|reserve au (?:conseil|comite)|solo para el consejo|reservado al consejo|riservato al consiglio|uitsluitend voor de raad)\b/gi,
  // "the market does not know yet", "not public until the earnings call", "not announced yet"
  /\b(?:(?:the )?market (?:does not|doesn't) know(?: yet)?|not (?:public|announced|disclosed) (?:yet|until)|(?:isn't|is not|aren't|are not|hasn't been|has not been|haven't been) (?:public|announced|disclosed) yet|before (?:it|this|the news) (?:goes|is made) public|noch nicht (?:veroffentlicht|offentlich|bekannt)|pas encore (?:public|annonce|publie)|aun no (?:es )?public[oa]|ad-hoc-mitteilung|insiderinformation|information privilegiee|informacion privilegiada)\b/gi,
  // layoffs and plans stated before they are public: "we are laying off 10% of staff", "under wraps"
  /\b(?:we(?: are|'re| will be) (?:laying off|cutting|letting go of) \d{1,3}(?:% | percent|% of)|under wraps|before (?:we|they) (?:go public|announce|publish|tell the market)|until the (?:town hall|announcement|press release))\b/gi,
  /\b(?:wir (?:ubernehmen|kaufen|fusionieren mit)|nous (?:rachetons|acquerons|allons (?:acquerir|racheter))|vamos a (?:adquirir|comprar)|adquiriremos|stiamo acquisendo|acquisiremo) [A-Z]/g,
  // "embargoed until 9:00 CET", "under embargo until", "EMBARGO: 14 May"
  /\bembargo(?:ed)? (?:until|till|to|through)\b|\bunder (?:an |press |news )?embargo\b|\bembargo:|\bEMBARGOED\b/gi,
  // "this is MNPI", "contains material non-public information", "inside information: do not trade"
  /\b(?:is|contains|includes|constitutes|this|these are) (?:material non-?public information|mnpi|inside information|insider information)\b|\bmnpi:|\bdo not trade\b|\binsider list\b|\btrading window (?:is )?closed\b/gi,
];
/** How far apart the two halves of a "deal … not yet public" statement may stand. */
const WINDOW = 60;
const SENTENCE_END = /[.\n]/;

/** Does a span of `second` follow a span of `first` within WINDOW characters, in the same sentence? */
function followedBy(view: TextView, first: RegExp, second: RegExp): boolean {
  return view.spans(second).some((span) => {
    const before = nearestBefore(view.spans(first), span.start, WINDOW);
    return before !== undefined && !SENTENCE_END.test(view.text.slice(before.end, span.start));
  });
}

function hasMnpi(view: TextView): boolean {
  return (
    STATEMENTS.some((pattern) => view.spans(pattern).length > 0) ||
    followedBy(view, UNDISCLOSED, DEAL) ||
    followedBy(view, DEAL, NOT_YET_PUBLIC) ||
    followedBy(view, FIGURES, NOT_YET_PUBLIC) ||
    (view.hasDigit && followedBy(view, MERGER, PRICE) && !followedBy(view, ANNOUNCED, MERGER))
  );
}

registerDetector({
  id: 'mnpi',
  patterns: [DEAL, MERGER, FIGURES, UNDISCLOSED, NOT_YET_PUBLIC, PRICE, ANNOUNCED, SENTENCE_END, ...STATEMENTS],
  detect(view): Finding[] {
    return hasMnpi(view) ? [{ kind: 'mnpi', sensitivity: 'confidential', what: 'material non-public information' }] : [];
  },
});
