"""Boilerplate: which passages are scraper leftovers rather than the article's own text.

``mark_boilerplate`` gives every passage a verdict in ``Passage.boilerplate``:
None for article text, else a key of ``REASONS`` saying what the leftover is.
Removing a word of the article is far worse than keeping a leftover, so every
rule needs positive evidence and, when unsure, the passage is kept.

Signals, from strongest to weakest:

* Lines whose whole wording is web-page furniture: share buttons, newsletter
  and app promos, page controls (print, text size), comment forms, copyright
  lines, photo credits, "Source link", bylines. Each pattern matches the whole
  line (or its start, for imperatives), and only short lines, so prose that
  merely mentions sharing, commenting or subscribing is kept.
* Sections: a heading such as "Related Stories", "More from ...", "Comments" or
  "Leave a reply", or a comment thread ("Name says:", a timestamp, "Reply"),
  opens a section of leftovers that runs until the article's prose resumes
  (consecutive prose paragraphs that are not teaser headline/blurb pairs).
* Neighbours: the caption next to a photo credit.
* Position with jusText-style evidence (length, stop-word density, closing
  punctuation): short label-like lines before the first paragraph of prose and
  after the last one. Never in the middle of the prose.
* Repetition: a line that is not prose and recurs in several articles of the
  same source is site furniture.

Bylines ("By Jane Doe", "Reporting by ...; Editing by ...", "... contributed
to this report") and standalone datelines are treated as leftovers: the reader
shows author and date from the metadata, they are not part of the story.

A .txt paragraph that is clearly a section heading inside the article (short,
no closing punctuation, between paragraphs of prose) becomes ``Kind.HEADING``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.model import Article, Corpus, Kind, Passage

REASONS: dict[str, str] = {
    "comment-form": "a form for posting a comment (name, email, 'Leave a reply')",
    "comments": "readers' comments under the article",
    "related-links": "teasers linking to other stories ('Related stories', 'More from …')",
    "share-widget": "buttons for sharing the article or following the outlet on social media",
    "promo": "an advertisement, or a newsletter, subscription or app promotion",
    "photo-credit": "who took or supplied a picture",
    "caption": "the caption of a picture",
    "link-residue": "a leftover link or label ('Source link', 'Read more: …', tags)",
    "page-control": "part of the web page around the article (print, text size, navigation, labels)",
    "legal": "a copyright line, terms of use or a disclaimer",
    "byline": "the author, dateline, contact or reporting credit, shown separately from the text",
    "repeated": "a line found in several articles of the same source: part of the website, not the story",
}


class _Pattern:
    """A regular expression compiled when first used.

    The reader imports this module (for ``REASONS``) before its first paint, and compiling every rule
    takes longer than that paint. After the first use its methods are the compiled pattern's own.
    """

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source, self._flags = source, flags

    def __getattr__(self, name: str):
        compiled = re.compile(self._source, self._flags)
        for method in ("match", "fullmatch", "search", "findall", "finditer", "sub"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


# A passage of at most this many words can be a label, a button or a teaser headline.
_SHORT_WORDS = 15
# Consecutive prose paragraphs that end a section of leftovers: teasers come as
# headline/blurb pairs, comments as paragraphs between author lines.
_RESUME_AFTER = {"related-links": 2, "comments": 3}

_STOP_WORDS = frozenset(
    """a about above after again against all also although am an and any are as at be because been
    before being below between both but by can could did do does doing down during each even ever
    few for from further had has have having he her here hers herself him himself his how however
    i if in into is it its itself just least less let like made make many may me might more most
    much must my myself no nor not now of off often on once only or other our ours ourselves out
    over own per rather said same says she should since so some still such than that the their
    theirs them themselves then there these they this those though through thus to too under until
    up upon us very was we were what when where whether which while who whom whose why will with
    within without would yet you your yours yourself""".split()
)
_WORD = _Pattern(r"[^\W\d_][\w'’-]*")
_MD_LINK = _Pattern(r"!?\[([^\]]*)\]\([^)]*\)")
_CLOSING_QUOTES = "\"'”’)»]*"
_SENTENCE_END = ".!?…"
_OPENING_QUOTE = _Pattern(r"^[\"“‘'«]")
_BULLET = _Pattern(r"^[\s•·*\-–—|>»›▸►]+")

# --- dates and times, matched in lower case -------------------------------------------------------
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?"
_DATE = (
    rf"(?:{_WEEKDAY}\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4})"
)
_TIME = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?"
_AGO = r"(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"

_DATELINE = _Pattern(
    rf"^(?:(?:published|updated|posted|last updated|first published|modified|date)\s*(?:on|at)?\s*[:\-–—|]?\s*)?"
    rf"(?:{_DATE}|{_AGO})(?:\s*(?:at|@|,|\||-|–|—)?\s*{_TIME})?(?:\s*\(?[a-z]{{2,4}}\)?)?$"
)
_UPDATED = _Pattern(
    rf"\b(?:published|updated|posted|last updated|first published)\b.{{0,40}}(?:{_TIME}|{_DATE}|{_AGO})"
)

# --- comments ------------------------------------------------------------------------------------
_COMMENT_TIMESTAMP = _Pattern(rf"^(?:on\s+)?{_DATE}\s*(?:at|@)\s*{_TIME}$")
_COMMENT_AUTHOR = _Pattern(
    r"^(?!(?:he|she|they|it|we|i|you|this|that|the|a|an|who|which|report|statement|letter|spokesperson)\b)"
    rf"[\w .,'’@-]{{1,60}}?\s+(?:says|on\s+{_DATE}\s*(?:at|@)?\s*{_TIME}\s*said)\s*:$"
)
_COMMENT_CONTROL = _Pattern(
    r"^(?:reply|reply ↓|replies|log ?in to reply|sign in to reply|report (?:this )?comment|report abuse"
    r"|\d+\s+likes?|upvote|downvote|permalink|hide replies|show replies|view (?:all )?\d*\s*repl(?:y|ies)"
    r"|load more (?:comments|replies)|sort by (?:newest|oldest|best|top|most).{0,20})$"
)
_COMMENT_FORM = _Pattern(
    r"^(?:leave a (?:reply|comment|response)(?: cancel reply)?|cancel reply|post (?:a )?comment|submit comment"
    r"|add (?:a |your )?comment|write a comment|comment\s*\*?|(?:name|email|e-mail|website|url)\s*\*|website|δ"
    r"|your (?:email|e-mail) address will not be published.*|required fields are marked.*"
    r"|save my name, email,? and website in this browser.*|notify me of (?:follow-up comments|new posts|new comments).*"
    r"|(?:please )?enter your (?:comment|name|email(?: address)?)(?: here)?!?"
    r"|you have entered an incorrect email address!?|you must be (?:logged|signed) in to post a comment.*"
    r"|this site uses akismet to reduce spam.*|comments? (?:are|is) (?:closed|moderated).*"
    r"|the comments below have (?:not )?been moderated.*"
    r"|(?:log|sign) in to (?:comment|leave a comment|join the (?:conversation|discussion)).*"
    r"|please enable javascript to view the comments.*|join the discussion.*|join our commenting forum.*"
    r"|share what you think.*|by (?:posting your comment|commenting).*"
    r"|sign in or create .{0,40}account to join the discussion.*)$"
)

# --- headings that open a section of leftovers, running until the article's prose resumes --------
_COMMENTS_OPENER = _Pattern(
    r"^(?:\d+|one|two|three|no)\s+(?:comments?|responses?|replies|thoughts?)(?:\s+(?:on|to)\s+.{1,160})?$"
    r"|^(?:comments?|reader comments|readers' comments)(?:\s*\(?\d+\)?)?$"
    r"|^(?:show|view|read|see|load|hide) (?:all )?(?:\d+ )?comments?(?:\s*\(?\d+\)?)?$"
    r"|^(?:join the conversation|have your say|view the discussion thread|comments powered by disqus)$"
    r"|^(?:leave a (?:reply|comment|response)(?: cancel reply)?|post a comment|add (?:a |your )?comment"
    r"|write a comment|join the discussion)$"
)
_TEASER_NOUNS = (
    r"(?:stories|story|articles?|posts?|news|reads?|reading|videos?|links?|coverage|content|headlines|items)"
)
_TEASER_TAIL = r"(?:\s+(?:for you|from .{1,40}|on .{1,40}|in .{1,40}|about .{1,40}|by .{1,30}))?"
_RELATED_OPENER = _Pattern(
    r"^(?:(?:more|other|recent|related|recommended|popular|trending|similar|suggested|sponsored|promoted"
    rf"|partner|most popular|most read|further)\s+)+{_TEASER_NOUNS}{_TEASER_TAIL}$"
    r"|^(?:related|recommended|recommended for you|read (?:more|next|also|this next)"
    r"|more from .{1,40}|more on .{1,60}|more in .{1,40}|elsewhere on .{1,40}"
    r"|you (?:may|might|will|would) (?:also )?(?:like|love|enjoy|be interested in)|(?:we|you) recommend"
    r"|most (?:popular|read|viewed|shared|emailed|commented)(?: .{1,30})?|trending(?: now| on .{1,30})?"
    r"|popular (?:now|today|on .{1,40})|don'?t miss(?: this)?|also read|see also|further reading"
    r"|what to read next|around the web|from (?:the web|our partners|around the web)|recommended by .{1,30})$"
)
# The same, but as headings they could also start part of the article (a live blog's "Latest updates",
# a briefing's "Top stories"): they open a section only in the second half of the article's prose.
_WEAK_RELATED_OPENER = _Pattern(
    rf"^(?:(?:latest|top|featured|editor'?s'?|must)\s+)+{_TEASER_NOUNS}{_TEASER_TAIL}$"
    r"|^(?:latest|editor'?s'? picks?|must reads?|explore more|keep reading|in other news"
    r"|more (?:to explore|for you|videos?)|up next|watch next|what'?s hot|hot topics|discussion|conversation)$"
)

# --- sharing and promotion -------------------------------------------------------------------------
_SOCIAL = r"(?:twitter|facebook|instagram|linkedin|youtube|tiktok|whatsapp|telegram|threads|x|google news|social media)"
_SHARE_WORDS = (
    r"(?:share|shares|tweet|facebook|twitter|x|linkedin|whatsapp|email|e-mail|mail|pinterest|reddit|telegram"
    r"|messenger|instagram|youtube|tiktok|flipboard|pocket|tumblr|sms|copy|link|copy link|copy url|print"
    r"|google\+?|vk|viber|threads|mastodon|snapchat|save|more|opens in new window|\(opens in new window\))"
)
_SHARE_WIDGET = _Pattern(
    rf"^(?:{_SHARE_WORDS}(?:[\s,|/·•]+{_SHARE_WORDS})*)$"
    r"|^share (?:this|the|on|via|with|to|it|story|article|post|page|your|using|full|or comment)\b.{0,60}$"
    r"|^share\s*(?:story|article)?\s*:?$|^(?:click|tap) to (?:share|email|print|tweet|post) .{0,60}$"
    r"|^like this:?$|^like loading\.*$|^loading\.*$|^link copied.*$"
    r"|^(?:follow|like|find|join) us (?:on|at)\b.{0,80}$|^follow me on\b.{0,80}$"
    rf"|^follow (?:@\w+|\S+(?: \S+){{0,3}} on {_SOCIAL})\b.{{0,60}}$"
    r"|^(?:share|tweet|pin|email) (?:this|it)!?$|^gift (?:this )?article$"
)
_PROMO_START = _Pattern(
    r"^(?:please\s+)?(?:"
    r"subscribe(?: to| now| today| for| here|$)|sign up(?: for| to| now| here| today|$)"
    r"|register (?:now|here|for free|today)|already (?:a |have an? )?(?:subscriber|member|account)"
    r"|become a (?:member|subscriber|supporter|patron)|support (?:us|our|independent)|as a subscriber, you"
    r"|(?:download|get|install) (?:the|our) (?:[\w.'’&-]+ ){0,4}app\b|download (?:the|our)"
    r"|get (?:the latest|our|breaking|unlimited|full access|access|alerts|\d+ free|exclusive|more from)|get latest"
    r"|(?:don'?t|never) miss (?:a|an|the|out)|want (?:more|the latest|to read)|unlock\b"
    r"|try (?:it )?(?:free|for \$?\d)|upgrade to|start your (?:[\w-]+ ){0,3}(?:trial|subscription)"
    r"|(?:got|have|do you have) a (?:confidential )?(?:news )?(?:tip|story)|we pay for your stories|email us at"
    r"|dear reader|give a gift|for (?:the )?latest (?:news|headlines|updates)"
    r"|(?:please )?enter a valid email|invalid email|skip ad"
    r"|listen (?:now|to (?:the|our) (?:full )?(?:episode|podcast))"
    r"|you(?:'re| are) (?:now )?(?:all set|subscribed|signed up)|thank(?:s| you) for (?:subscribing|signing up|reading)"
    r"|to (?:continue reading|read (?:the full|this) (?:article|story))"
    r"|this (?:article|content|story) is (?:for|only available to) (?:subscribers|members)"
    r"|you have (?:\d+|one|two|three) free (?:articles?|stories)"
    r"|join (?:our|the \w+ newsletter|\d[\d,]* (?:other )?(?:readers|subscribers))"
    r"|by (?:signing up|subscribing|registering|clicking [^,]{1,40}),? you"
    r"|(?:sponsored|paid|promoted) (?:content|post|partner|stories|links)"
    r"|(?:story|article) continues below|continue reading (?:below|after)|scroll to continue|catch all the .{1,120}"
    r"|(?:advertisement|advertising|ad|ad feedback|sponsored|promoted|partner content|supported by|taboola|outbrain)$"
    r")"
)
# A newsletter, app or subscription addressed to the reader (checked only when a cue is in the line).
_NEWSLETTER_CUES = ("newsletter", "inbox", "podcast", "app store", "google play", "affiliate", "subscription")
_NEWSLETTER = _Pattern(
    r"\bnewsletters?\b|\binbox\b|\bpodcast\b|\bapp store\b|\bgoogle play\b|\baffiliate (?:commission|links?)"
    r"|\b(?:premium|digital) subscription"
)
_READER_ADDRESS = _Pattern(
    r"\b(?:you|your|sign up|subscribe|subscribing|delivered|download|we may earn|we use|support (?:the site|us))\b"
)
# Reported speech: an imperative-looking line that is in fact a sentence of the story.
_REPORTED = _Pattern(r"\b(?:said|says|told|according to|reported|announced)\b")

# --- the page around the article -------------------------------------------------------------------
_PAGE_CONTROL = _Pattern(
    r"^(?:print|print (?:this )?(?:page|article|story|post)|printer[- ]friendly(?: version)?"
    r"|text size.*|font size.*|a\s*a\s*a|a\+?\s*a-?|[-–]?\s*a\s*\+\s*a"
    r"|email (?:this|this article|this page|to a friend)|save(?: article| story| for later)?|bookmark"
    r"|listen(?: to (?:this|the) (?:article|story))?(?:\s*[·|•-]?\s*\d+\s*min(?:ute)?s?)?|\d+\s*min(?:ute)?s?\s*read|reading time.{0,20}"
    r"|skip to (?:main )?(?:content|navigation)|back to top|(?:next|previous|prev) (?:article|post|story|page)"
    r"|post navigation|menu|search|home|close|toggle navigation|view (?:gallery|slideshow|photos|image)"
    r"|enlarge this image|(?:hide|show|toggle) caption|expand|zoom|watch|watch now|watch more|play video|video"
    r"|video \d+:\d+.*|audio|image|photo|gallery|(?:image|photo|slide) \d+ (?:of|/) \d+|\d+\s*(?:of|/)\s*\d+"
    r"|report an error|report a typo|corrections?|feedback|contact us|about us|privacy policy"
    r"|terms of (?:use|service)|cookie (?:policy|settings)|sitemap|site map|advertise(?: with us)?|careers|faq|help"
    r"|license this article|reprints|licensing (?:&|and) reprints|fullscreen|full screen|open in app|read in app"
    r"|see more|show more|load more|story continues|continue reading(?: the)?(?: main)? story|click to expand"
    r"|more|back|top|log ?in|log ?out|sign in|sign out|register|my account|edition.{0,20}"
    r"|loading something is loading|powered by .{1,40}|something went wrong.{0,40}|need help\??"
    r"|why did this happen\??|block reference id.{0,60})$"
    r"|^(?:please )?(?:make sure your browser supports|enable) (?:javascript|cookies)"
    r"|^.{0,80}(?:not a robot|unusual activity from your computer)"
)
# Breadcrumbs and link bars: short items between separators, nothing that reads as a sentence.
_LINK_BAR = _Pattern(r"^[^.!?]{1,40}(?:\s+[»›>|]\s+[^.!?]{1,40}){2,}$")
_LINK_RESIDUE = _Pattern(
    r"^(?:source link|source|original source|view (?:the )?original(?: article| post)?|via \S+(?: \S+){0,3}"
    r"|link to (?:source|article)|continue reading(?: on .{1,60})?|click here .{0,80}"
    r"|read (?:more|the full (?:story|article|report)|full (?:story|article))(?: (?:at|on|here|from) .{1,60})?"
    r"|read the original(?: article| post| story)?(?: (?:at|on|here|from) .{1,60})?"
    r"|read the (?:full )?(?:story|article) .{0,60}|(?:https?://|www\.|pic\.twitter\.com/)\S+)$"
    r"|^(?:read more|related|related articles?|related stories|see also|also read|also see|read also|read next"
    r"|recommended|must read|don'?t miss|also on .{1,30}|read|go deeper|watch(?: live| now)?|listen|more|video|photos|gallery"
    r"|podcast)\s*[:|]\s*.{1,160}$"
    r"|^(?:tags?|topics?|filed under|categories|category|posted in|keywords|related topics)(?:\s*[:|]\s*.{0,200})?$"
    r"|^sources?\s*:\s*.{1,80}$"
)
# Where the text was first published: notes that can run long.
_SOURCE_NOTE = _Pattern(
    r"the post .{1,200} appeared first on .{1,80}\.?$"
    r"|this (?:article|story|post|piece|report) (?:was |is )?(?:originally |first )?"
    r"(?:appeared|published|posted|republished|reproduced|syndicated) (?:on|in|at|by|from|with|under).{0,300}$"
    r"|originally (?:published|posted|appeared) (?:on|at|in|by) .{1,160}$"
    r"|a version of this (?:article|story) (?:appears|appeared) in print.{0,300}$"
    r"|this (?:article|story|post|text|page) (?:was|has been|is) (?:automatically |machine[- ])?translated.{0,200}$"
)
# A short line ending with a web address: "Follow our coverage at https://…", "Read it here: www.…".
_ENDS_WITH_URL = _Pattern(r"(?:https?://|www\.)\S+$")

# --- copyright and notices: a cue anywhere (checked first as plain substrings), or the line's start ---
_LEGAL_CUES = ("©", "(c)", "copyright", "rights reserved", "broadcast", "standards:", "trust principles", "edited by")
_LEGAL_ANYWHERE = _Pattern(
    r"©|\(c\)\s*(?:19|20)\d\d|copyright\s*(?:©|\(c\))?\s*(?:19|20)\d\d|\ball rights reserved\b"
    r"|may not be (?:re)?published, broadcast|\bour standards:|trust principles\.?$"
    r"|this (?:story|article) has not been edited by .{0,160}(?:feed|agency)"
)
_LEGAL_START = _Pattern(
    r"(?:disclaimer|terms and conditions|legal notice)\b|we use cookies\b"
    r"|by (?:using|continuing to use) (?:this|our) (?:site|website)"
    r"|(?:the )?(?:views|opinions) (?:and opinions )?expressed .{0,80}"
    r"(?:are (?:those|solely|their own|his own|her own)|do not necessarily)"
    r"|(?:reproduction|distribution|republication) .{0,60}prohibited|\*?data is (?:a real-time snapshot|delayed)"
)

# --- pictures --------------------------------------------------------------------------------------
_CREDIT_AGENCIES = (
    r"(?:getty images|getty|ap|afp|reuters|bloomberg|epa|efe|shutterstock|istock(?:photo)?|alamy|unsplash|pexels"
    r"|pa|pa images|pa media|pa wire|sipa|anadolu|xinhua|rex|rex features|zuma(?: press| wire)?|nurphoto|corbis"
    r"|ansa|tass|dpa|abaca|wireimage|filmmagic|ap images|the associated press|associated press|nasa"
    r"|courtesy.{0,40}|file|handout|provided|supplied)"
)
_CREDIT = _Pattern(
    rf"^[^.!?]{{1,80}}\s*[|/]\s*{_CREDIT_AGENCIES}(?:\s*/\s*[^.!?]{{1,40}})?$"
    rf"|^(?:[^.!?]{{1,60}}\s+)?via\s+{_CREDIT_AGENCIES}$"
    rf"|^{_CREDIT_AGENCIES}$"
    r"|^(?:ap|afp|reuters|epa|getty|pa) ?(?:photo|images?|pictures?)?\s*/[^()]{1,80}$"
    r"|^(?:photo|photos|photograph|photography|picture|pictures|image|images|illustration|graphic|credit"
    r"|photo credit|image credits?|picture credit|photo courtesy|courtesy|courtesy of|file photo|main image"
    r"|top image|header image|featured image|lead image|cover image|source image)"
    r"\s*(?:by|:|-|–|—|\.\.\.|…)\s*[^.!?]{1,80}\.?$"
    r"|^image source\s*[,:]\s*[^.!?]{1,80}$"
    r"|^(?:photo|photograph|picture|illustration|image) by [^.!?]{1,60}(?: on (?:unsplash|pexels|pixabay))?\.?$"
    r"|^reuters/[^.!?]{1,60}$"
)
# A credit in capitals: photographer / outlet ("JANE DOE / THE HERALD"), as many pages print it.
_CAPITALS_CREDIT = _Pattern(r"^[A-Z][A-Z.'’ -]{1,40}\s*/\s*[A-Z][A-Z0-9.&'’ -]{1,40}$")
# A caption ending with its credit (searched in the last _END_WINDOW characters), or opening like one.
_END_WINDOW = 240
_CAPTION_CUES_END = ("/", "|", "photo", "credit", "image", "picture", "illustration")  # one is in every _CAPTION_END
_CAPTION_END = _Pattern(
    r"\((?:(?:ap|afp|reuters|epa|pa|getty|ansa|dpa) ?(?:photo|images?|pictures?)\s*/"
    r"|(?:photo|photograph|image|picture)s? (?:by|:|courtesy))[^()]{1,80}\)\.?$"
    r"|[.)]\s+(?:photograph|photo|picture|image|illustration|credit)\s*:\s*[^.!?]{1,80}$"
    r"|credit(?:\.{2,3}|…)\s*[^.!?]{1,80}$"
    r"|\b(?:reuters|afp|epa)/[^.!?]{1,80}$"
    rf"|\.\s*[^.!?]{{1,60}}\s*[/|]\s*{_CREDIT_AGENCIES}\.?$"
)
_CAPTION_START = _Pattern(
    r"(?:file(?: photo)?\s*[-–—:]|in this (?:undated |handout )?(?:file )?(?:photo|image|picture)"
    r"|pictured\s*:|caption\s*:|image caption|photo caption|above\s*:|top\s*:)"
)
# Words of a caption, for a line beside a credit further down the article.
_CAPTION_CUES = _Pattern(
    r"\b(?:pictured|photographed|seen|is shown|are shown|poses?|posing|speaks|speaking|gestures?|attends?"
    r"|arrives?|looks on|walks?|stands?|holds?|displayed|is displayed|logo|file photo|screenshot|illustration"
    r"|photo)\b"
    rf"|\b(?:on|in) {_MONTH} \d{{1,2}},? \d{{4}}\.?$"
)

# --- authors and credits (matched with case where names must be capitalised) -----------------------
_CAPITALISED = r"[A-Z0-9][\w.&'’-]*(?:\s+(?:[A-Z0-9][\w.&'’-]*|of|the|and|for|at|&))*"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_BYLINE = _Pattern(
    r"^(?i:by|written by|words by|story by|posted by|reported by|author|authors|reporter|byline)\s*:?\s+"
    r"(?!(?i:the numbers)\b)"
    r"(?:(?:[A-Z][\w.'’-]*|de|da|van|von|der|la|le|del|bin|al|and|&|,)\s*){1,12}"
    rf"(?:\s*[,|—–-]\s*(?:{_CAPITALISED}|{_EMAIL}))*"
    rf"(?:\s*[,|—–-]?\s*(?i:{_DATE}|{_AGO})(?:\s*(?:at|@|,)?\s*(?i:{_TIME}))?)?$"
)
_CREDIT_LINE = _Pattern(
    r"^[(\[]?(?i:additional reporting|writing|editing|reporting|research|graphics|production|compiled"
    r"|fact-checking|photography)(?: and (?i:\w+))? (?i:by) (?:[A-Z][\w.'’-]*|and|in|from|at|with|,|;|&|\(|\)|\s)+"
    r"[.)\]]*$"
    r"|^[(\[]?(?i:(?:additional reporting|editing|writing|reporting) by [^;]{1,200};"
    r" (?:editing|writing|reporting) by .{1,200})"
    r"|^(?i:(?:[—–-]\s*)?(?:the )?(?:associated press|reuters|afp|cnn|staff and agencies|agencies|staff reports?"
    r"|wire reports?))$"
    r"|^(?i:(?:[—–-]\s*)?\(?with (?:inputs from |assistance from )?"
    r"(?:afp|reuters|ap|pti|ians|agencies|wire services)\)?\.?)$"
    r"|^(?i:(?:[—–-]\s*)?\(?with (?:inputs|assistance) from [\w .,'’&-]{1,80}\)?\.?)$"
    r"|^(?i:(?:contact|email|reach) (?:the )?(?:author|reporter|writer)\b.{0,100})$"
    r"|^(?i:news provided by|(?:media|press|investor) (?:contacts?|enquiries|inquiries|relations)\s*:?)$"
)
_CONTRIBUTED = _Pattern(r"contributed (?:reporting |to this (?:report|story|article)).{0,40}$")
# An author's biography: a leftover only after the last paragraph of prose.
_AUTHOR_BIO = _Pattern(
    r"^[\w .'’-]{2,40} (?:is|was) an? (?:[\w-]+ ){0,3}"
    r"(?:writer|reporter|editor|correspondent|journalist|columnist|contributor)"
    r" (?:for|at|with|who covers) .{1,160}\.$"
)
# A section heading inside the article does not end with these.
_SECTION_HEADING_END = ".,;:!"
_THREAD = frozenset({"comments", "comment-form"})  # verdicts of comment threads and forms
_HEADER = frozenset({"byline", "photo-credit", "caption"})  # leftovers of a page's header


@dataclass(slots=True)
class _Line:
    """What the rules need to know about one passage."""

    text: str  # whitespace collapsed, Markdown links reduced to their text, leading bullets dropped
    lower: str  # ``text`` case-folded, with straight apostrophes
    key: str  # ``lower`` without closing punctuation: the line as a label
    words: int
    stop_density: float
    link_density: float  # share of the text inside Markdown links
    ends_sentence: bool
    quoted: bool  # opens with or contains a quotation
    title_case: bool  # most words capitalised (computed for short lines only)

    @property
    def short(self) -> bool:
        return self.words <= _SHORT_WORDS

    @property
    def prose(self) -> bool:
        """jusText's "good" paragraph: long enough, sentence-shaped, dense in stop words."""
        return (
            self.words >= 10
            and self.ends_sentence
            and self.stop_density >= 0.25
            and self.link_density < 0.5
        )

    @property
    def question(self) -> bool:
        """Ends with a question mark: in a list of teasers, a headline rather than prose."""
        return self.text.rstrip(_CLOSING_QUOTES + " ").endswith("?")

    @property
    def label_like(self) -> bool:
        """A short line that does not read as a sentence: a label, a link, a headline."""
        return self.short and not self.ends_sentence and not self.quoted


def _features(raw: str) -> _Line:
    """The features of a passage's text ``raw``."""
    if "](" in raw:
        plain = " ".join(_MD_LINK.sub(r"\1", raw).split())
        link_chars = sum(len(m.group(1)) for m in _MD_LINK.finditer(raw))
    else:
        plain, link_chars = " ".join(raw.split()), 0
    text = _BULLET.sub("", plain)
    lower = text.casefold().replace("’", "'")
    words = _WORD.findall(lower)
    stops = sum(map(_STOP_WORDS.__contains__, words))
    title_case = False
    if len(words) <= _SHORT_WORDS:
        capitals = [w for w in _WORD.findall(text) if w.casefold() not in _STOP_WORDS]
        title_case = bool(capitals) and sum(w[0].isupper() for w in capitals) >= 0.75 * len(capitals)
    return _Line(
        text=text,
        lower=lower,
        key=lower.rstrip(" :.!|-–—"),
        words=len(words),
        stop_density=stops / len(words) if words else 0.0,
        link_density=link_chars / len(plain) if plain else 0.0,
        ends_sentence=_ends_sentence(text),
        quoted=bool(_OPENING_QUOTE.match(text)) or "“" in text or "”" in text,
        title_case=title_case,
    )


def _ends_sentence(text: str) -> bool:
    text = text.strip().rstrip(_CLOSING_QUOTES + " ")
    return bool(text) and text[-1] in _SENTENCE_END


def _line_reason(line: _Line, kind: Kind) -> str | None:
    """The reason a line is a leftover on its own wording, whatever surrounds it."""
    key, lower = line.key, line.lower
    if not key or line.words > 90:
        return None
    end = lower[-_END_WINDOW:]
    if line.short and (_CREDIT.match(key.strip("()[] ")) or _CAPITALS_CREDIT.match(line.text)):
        return "photo-credit"
    if kind is not Kind.HEADING and (
        _CAPTION_START.match(lower) or (any(cue in end for cue in _CAPTION_CUES_END) and _CAPTION_END.search(end))
    ):
        return "caption"
    if line.words > 60:
        return None
    if (any(cue in lower for cue in _LEGAL_CUES) and _LEGAL_ANYWHERE.search(lower)) or _LEGAL_START.match(lower):
        return "legal"
    if _SOURCE_NOTE.match(lower):
        return "link-residue"
    if _COMMENT_FORM.match(key) or _COMMENT_FORM.match(lower):
        return "comment-form"
    if _COMMENT_CONTROL.match(key) or (lower.endswith(":") and _COMMENT_AUTHOR.match(lower)):
        return "comments"
    if line.short and _COMMENT_TIMESTAMP.match(key):
        return "comments"
    reported = line.quoted or _REPORTED.search(lower)
    if any(cue in lower for cue in _NEWSLETTER_CUES) and _NEWSLETTER.search(lower) and _READER_ADDRESS.search(lower):
        if not reported:
            return "promo"
    if line.words > 40:
        return None
    if _BYLINE.match(line.text) or _CREDIT_LINE.match(line.text) or _CONTRIBUTED.search(end):
        return "byline"
    if line.text.startswith("SOURCE ") and line.words <= 8:  # how press-release wires name the issuer
        return "link-residue"
    if reported:
        return None
    if _SHARE_WIDGET.match(key):
        return "share-widget"
    if line.words <= 25 and (_LINK_RESIDUE.match(key) or (line.label_like and _ENDS_WITH_URL.search(key))):
        return "link-residue"
    if line.words <= 30 and _PROMO_START.match(key):
        return "promo"
    if _PAGE_CONTROL.match(key) or (line.label_like and _LINK_BAR.match(key)):
        return "page-control"
    return None


def _opens_section(line: _Line, kind: Kind) -> tuple[str, bool] | None:
    """The kind of leftover section a heading line opens and whether the heading is unambiguous."""
    if kind is Kind.TITLE or not line.short or line.ends_sentence:
        return None
    if _COMMENTS_OPENER.match(line.key):
        return "comments", True
    if _RELATED_OPENER.match(line.key):
        return "related-links", True
    if _WEAK_RELATED_OPENER.match(line.key):
        return "related-links", False
    return None


# --- the headline among the first lines of a page --------------------------------------------------
_HEADLINE_WORDS = 20  # a headline is at most this long (words)
_HEADLINE_CHARS = 160  # and this long (characters)
_HEADLINE_END = ".,:;"  # a headline does not end with these (a question or exclamation mark is fine)
_HEADLINE_WINDOW = 8  # lines of a page's top searched for its headline
_LABEL_WORDS = 4  # a line of fewer words above the headline may be a section label
# Separators between the items of a navigation bar, breadcrumb or label run ("News · Economy").
_NAV_SEPARATOR = _Pattern(r"\s[·•|/›»>]\s|\s{2,}")


def looks_like_headline(line: str) -> bool:
    """Whether a line reads as a headline: short, with letters, and no closing full stop, comma or colon."""
    line = line.strip()
    words = line.split()
    return (
        0 < len(words) <= _HEADLINE_WORDS
        and len(line) <= _HEADLINE_CHARS
        and any(ch.isalpha() for ch in line)
        and line.rstrip("\"'”’)»")[-1:] not in _HEADLINE_END
    )


def headline_index(texts: list[str]) -> int | None:
    """Which of an article's first lines is its headline, or None when the text starts without one.

    Scrapers keep what stood above the headline: "ADVERTISEMENT", "Skip to main content",
    breadcrumbs, a cookie notice, a section label, the site's name. The headline is searched
    among the lines before the first paragraph of prose (at most ``_HEADLINE_WINDOW``), passing
    over page furniture (``top_furniture``). It is the first line that reads as a headline and
    is not a label (``_LABEL_WORDS`` words or more, no separators: "Europe | Monetary policy"
    is a section label), unless page furniture separates it from a later such line that a
    byline or dateline follows: then that one (the first was the site's masthead). A headline
    directly above a standfirst and a byline stays the headline. Failing all that, the first
    line that reads as a headline. A lone line, or a text that opens with prose, has none.
    """
    if len(texts) < 2:
        return None
    lines = [_features(text) for text in texts[:_HEADLINE_WINDOW]]
    candidates: list[int] = []
    furniture: list[int] = []
    for i, line in enumerate(lines):
        if top_furniture(line, texts[i]) is not None:
            furniture.append(i)
        elif line.prose:
            break
        elif looks_like_headline(texts[i]):
            candidates.append(i)
    headlines = [i for i in candidates if lines[i].words >= _LABEL_WORDS and not _NAV_SEPARATOR.search(lines[i].text)]
    if not headlines:
        return candidates[0] if candidates else None
    first = headlines[0]
    for i in headlines:
        over_byline = i + 1 < len(lines) and _is_byline_or_dateline(lines[i + 1])
        if over_byline and any(first < f < i for f in furniture):
            return i
    return first


def top_furniture(line: _Line, raw: str) -> str | None:
    """The reason a line found above an article's headline is page furniture, or None.

    Besides the wording rules of every line (``_line_reason``) and bylines and datelines: a
    navigation bar or breadcrumb (three or more short items between separators), a short label
    in capitals ("MARKETS", "BREAKING NEWS"), and a line made mostly of numbers (dates and times
    in any language: "Publicerad 19 mars 2025 09:31").
    """
    reason = _line_reason(line, Kind.PARAGRAPH)
    if reason is not None or _is_byline_or_dateline(line):
        return reason or "byline"
    tokens = line.text.split()
    if tokens and 2 * sum(token[0].isdigit() for token in tokens) >= len(tokens):
        return "byline"
    if line.short and not line.ends_sentence:
        items = [item for item in _NAV_SEPARATOR.split(raw.strip()) if item.strip()]
        if len(items) >= 3 and all(len(item.split()) <= 4 for item in items):
            return "page-control"
        letters = [ch for ch in line.text if ch.isalpha()]
        if line.words <= 2 and letters and all(ch.isupper() for ch in letters):
            return "page-control"
    return None


def _is_byline_or_dateline(line: _Line) -> bool:
    """A byline or dateline, or a line of such items and reading times ("March 20, 2025 · 7 min read")."""
    if _BYLINE.match(line.text) or _DATELINE.match(line.key) or (line.short and _UPDATED.search(line.key)):
        return True
    if not line.short:
        return False
    items = [item.strip() for item in _NAV_SEPARATOR.split(line.text) if item.strip()]
    found = False
    for item in items:
        key = item.casefold().replace("’", "'").rstrip(" :.!|-–—")
        if _BYLINE.match(item) or _DATELINE.match(key) or (line.short and _UPDATED.search(key)):
            found = True
        elif not _PAGE_CONTROL.match(key):
            return False
    return found


class _Page:
    """One article while it is being judged: its passages, their features and the verdicts so far."""

    def __init__(self, passages: list[Passage], lines: list[_Line]):
        self.passages = passages
        self.lines = lines
        self.verdicts: list[str | None] = [None] * len(lines)
        # Indices of the passages that may be judged: all but the title.
        self.body = [i for i, p in enumerate(self.passages) if p.kind is not Kind.TITLE]

    def kind(self, i: int) -> Kind:
        return self.passages[i].kind

    def judge_lines(self) -> None:
        """Mark the lines that are leftovers on their own wording."""
        for i in self.body:
            self.verdicts[i] = _line_reason(self.lines[i], self.kind(i))

    def judge_above_headline(self) -> None:
        """Lines above the headline are the page around the article: its masthead, menus and notices."""
        headline = next((i for i, p in enumerate(self.passages) if p.kind is Kind.TITLE), None)
        for i in self.body:
            if headline is None or i > headline:
                break
            if self.verdicts[i] is None:
                self.verdicts[i] = top_furniture(self.lines[i], self.passages[i].text) or "page-control"

    def judge_sections(self) -> None:
        """Mark the items of leftover sections, from their opening line until prose resumes.

        A section opened by an ambiguous heading is tentative: if prose resumes after it,
        the heading and its items were part of the article after all and are all kept. So is
        a heading followed at once by prose: it heads a part of the article.
        """
        lines, verdicts = self.lines, self.verdicts
        prose_total = sum(lines[i].prose for i in self.body)
        prose_before = 0
        section: str | None = None
        tentative = False
        members: list[int] = []  # passages marked only because they are in the open section
        run: list[int] = []  # consecutive prose passages inside the open section
        items = 0  # passages of the open section that are not prose (teaser headlines, comment lines)
        for n, i in enumerate(self.body):
            prose_before += lines[i].prose
            opened = _opens_section(lines[i], self.kind(i))
            if opened and not opened[1] and prose_total - prose_before > prose_before:
                opened = None  # an ambiguous heading in the first half of the prose: part of the article
            thread = verdicts[i] in _THREAD and self._thread_follows(n)
            if opened or thread:
                section = opened[0] if opened else "comments"
                tentative = bool(opened) and not opened[1] and verdicts[i] is None
                members, run, items = ([i] if verdicts[i] is None else []), [], 0
                verdicts[i] = verdicts[i] or section
                continue
            if section is None:
                if verdicts[i] == "comments" and _COMMENT_AUTHOR.match(lines[i].lower):
                    verdicts[i] = None  # "Name says:" outside a thread introduces a quotation
                continue
            if verdicts[i] in _THREAD:
                section = "comments"
            if verdicts[i] is None:
                members.append(i)
            if lines[i].prose and not lines[i].question and verdicts[i] is None:
                run.append(i)
                verdicts[i] = section
                if len(run) >= _RESUME_AFTER[section]:
                    for j in members if tentative or not items else run:
                        verdicts[j] = None
                    section, run = None, []
                continue
            run = []
            items += 1
            verdicts[i] = verdicts[i] or section

    def _thread_follows(self, n: int) -> bool:
        """Whether the comment line at ``body[n]`` is backed by another comment line just after it."""
        return any(
            self.verdicts[j] in _THREAD or (_opens_section(self.lines[j], self.kind(j)) or ("",))[0] == "comments"
            for j in self.body[n + 1 : n + 4]
        )

    def judge_captions(self) -> None:
        """The caption beside a photo credit: the short line just before it, if it reads like one.

        Near the top (at most one paragraph of prose before it, such as a standfirst) any short
        line that reports nobody's words will do; further down the line must also use a
        caption's words ("pictured", "is seen", a date at its end ...).
        """
        prose_before = 0  # paragraphs of prose before body[n - 1]
        for n, i in enumerate(self.body):
            if n >= 2:
                prose_before += self.lines[self.body[n - 2]].prose
            if self.verdicts[i] != "photo-credit" or n == 0:
                continue
            j = self.body[n - 1]
            before = self.lines[j]
            if (
                self.verdicts[j] is None
                and self.kind(j) is not Kind.HEADING
                and not before.quoted
                and before.words <= 45
                and before.text.count(". ") <= 1
                and not before.key.endswith(":")
                and not _REPORTED.search(before.lower)
                and (prose_before <= 1 or _CAPTION_CUES.search(before.lower))
            ):
                self.verdicts[j] = "caption"

    def judge_edges(self) -> None:
        """Before the first and after the last paragraph of prose: datelines, bios and runs of labels."""
        lines, verdicts = self.lines, self.verdicts
        prose = [i for i in self.body if verdicts[i] is None and lines[i].prose]
        if not prose:
            return
        head_end = prose[0]
        if len(prose) > 1 and any(verdicts[i] in _HEADER for i in range(prose[0] + 1, prose[1])):
            head_end = prose[1]  # the first paragraph was a standfirst above the byline or picture
        head = [i for i in self.body if i < head_end]
        for i in head:
            line = lines[i]
            if verdicts[i] is None and (
                _DATELINE.match(line.key)
                or _COMMENT_TIMESTAMP.match(line.key)
                or (line.short and _UPDATED.search(line.key))
            ):
                verdicts[i] = "byline"
        self._label_runs(head, tail=False)
        tail = [i for i in self.body if i > prose[-1]]
        for i in tail:
            if verdicts[i] is None:
                if _AUTHOR_BIO.match(lines[i].text):
                    verdicts[i] = "byline"
                elif _DATELINE.match(lines[i].key) or (lines[i].short and _UPDATED.search(lines[i].key)):
                    verdicts[i] = "byline"
                elif lines[i].link_density >= 0.8:
                    verdicts[i] = "link-residue"
        self._label_runs(tail, tail=True)

    def _label_runs(self, region: list[int], *, tail: bool) -> None:
        """Runs of label-like lines before (``tail`` False) or after the prose.

        Before it, runs of two or more labels (title-cased, or of at most three words), or
        one beside another leftover. After it, a single label is enough, and sentence-case
        lines count too beside another leftover or as a list of three or more headlines,
        but a run followed by a kept sentence reads as that sentence's heading and is kept.
        A run is kept too when the line before it ends with a colon (the article introduces
        it as a list).
        """
        max_words = _SHORT_WORDS if tail else 5

        def is_label(i: int) -> bool:
            line = self.lines[i]
            return (
                self.verdicts[i] is None
                and self.kind(i) is not Kind.HEADING
                and line.label_like
                and line.words <= max_words
            )

        n = 0
        while n < len(region):
            if not is_label(region[n]):
                n += 1
                continue
            end = n
            while end < len(region) and is_label(region[end]):
                end += 1
            run = region[n:end]
            after = region[end] if end < len(region) else None
            beside_leftover = (n > 0 and self.verdicts[region[n - 1]] is not None) or (
                after is not None and self.verdicts[after] is not None
            )
            labels = all(self.lines[i].title_case or self.lines[i].words <= 3 for i in run)
            headlines = len(run) >= 3 and all(
                self.lines[i].words >= 4 and not self.lines[i].text[:1].isdigit() for i in run
            )
            heads_a_sentence = (
                tail and after is not None and self.verdicts[after] is None and self.lines[after].ends_sentence
            )
            before = region[n - 1] if n > 0 else self._previous(run[0])
            introduced = before is not None and self.verdicts[before] is None and self.lines[before].text.endswith(":")
            if heads_a_sentence or introduced:
                pass
            elif (labels and (tail or beside_leftover or len(run) >= 2)) or (tail and (beside_leftover or headlines)):
                for i in run:
                    self.verdicts[i] = "link-residue" if tail else "page-control"
            n = end

    def _previous(self, i: int) -> int | None:
        """The body passage just before passage ``i``."""
        n = self.body.index(i)
        return self.body[n - 1] if n > 0 else None

    def apply(self) -> None:
        """Write the verdicts into the passages."""
        for passage, verdict in zip(self.passages, self.verdicts):
            passage.boilerplate = verdict

    def mark_headings(self) -> None:
        """Kept paragraphs that read as section headings between paragraphs of prose become headings."""
        seen_prose = False
        kept = [i for i in self.body if self.passages[i].kept]
        for n, i in enumerate(kept):
            line = self.lines[i]
            if line.prose:
                seen_prose = True
            elif (
                seen_prose
                and self.kind(i) is Kind.PARAGRAPH
                and 0 < line.words <= 12
                and len(line.text) <= 100
                and line.text.rstrip(_CLOSING_QUOTES)[-1:] not in _SECTION_HEADING_END
                and not line.quoted
                and n + 1 < len(kept)
                and self.lines[kept[n + 1]].prose
            ):
                self.passages[i].kind = Kind.HEADING


@dataclass(slots=True)
class Judgement:
    """What cleaning finds in one article on its own, before the repeated-line signal across articles.

    It is kept line by line (a passage, or each line of a passage that holds several: see
    ``_one_passage_per_line``): ``owners[i]`` is the index of the passage line ``i`` belongs to and
    ``verdicts[i]`` its verdict. ``headings`` are the passages that read as section headings;
    ``keys`` the line keys the article counts towards the repeated-line signal; ``repeatable`` the
    (line, key) of the lines that are leftovers if their key recurs in the same source.
    """

    owners: list[int]
    verdicts: list[str | None]
    headings: list[int]
    keys: list[str]
    repeatable: list[tuple[int, str]]


def mark_boilerplate(corpus: Corpus, judgements: list[Judgement] | None = None) -> None:
    """Set ``boilerplate`` on every passage of ``corpus``: None or a key of ``REASONS``.

    ``judgements`` are the articles' :func:`judge_article` results, when known already (cached).
    """
    if judgements is None:
        judgements = [judge_article(article) for article in corpus.articles]
    repeated = _repeated_lines(corpus.articles, judgements)
    for article, judgement in zip(corpus.articles, judgements):
        _apply(article, judgement, repeated)


def judge_article(article: Article) -> Judgement:
    """Judge the passages of ``article`` on their own wording, position and neighbours (it is not changed)."""
    owners, passages = _one_passage_per_line(article)
    lines = [_features(p.text) for p in passages]
    keys = sorted({line.key for passage, line in zip(passages, lines) if passage.kind is not Kind.TITLE and line.key})
    page = _Page(passages, lines)
    page.judge_lines()
    page.judge_above_headline()
    page.judge_sections()
    page.judge_captions()
    page.judge_edges()
    page.apply()
    headings: list[int] = []
    if article.path.suffix.lower() == ".txt":
        page.mark_headings()
        if len(passages) == len(article.passages):  # judged passage by passage
            headings = [i for i, (line, passage) in enumerate(zip(passages, article.passages))
                        if line.kind is not passage.kind]
    repeatable = [
        (i, lines[i].key) for i in page.body
        if passages[i].kept and passages[i].kind is not Kind.HEADING and not lines[i].prose and lines[i].key
    ]
    return Judgement(owners, page.verdicts, headings, keys, repeatable)


def _apply(article: Article, judgement: Judgement, repeated: frozenset[tuple[str, str]]) -> None:
    """Write a judgement into the article's passages, with the lines that recur in its source.

    A passage is a leftover when every one of its lines is; it takes its first line's reason.
    """
    verdicts = list(judgement.verdicts)
    if article.source:
        source = article.source.casefold()
        for i, key in judgement.repeatable:
            if (source, key) in repeated:
                verdicts[i] = "repeated"
    by_passage: list[list[str | None]] = [[] for _ in article.passages]
    for owner, verdict in zip(judgement.owners, verdicts):
        by_passage[owner].append(verdict)
    for passage, found in zip(article.passages, by_passage):
        passage.boilerplate = found[0] if found and all(found) else None
    for i in judgement.headings:
        article.passages[i].kind = Kind.HEADING


def _one_passage_per_line(article: Article) -> tuple[list[int], list[Passage]]:
    """The article's passages to judge, as copies, each with the index of the passage it comes from.

    Text pasted into Markdown keeps a scraped page's lines in one paragraph ("Please enter your
    comment!" and "Please enter your name here" on two lines), so each line is judged as the
    scraper's own paragraph. Articles without such passages are judged passage by passage.
    """
    if not any("\n" in p.text for p in article.passages):
        return list(range(len(article.passages))), [
            Passage(p.id, p.kind, p.start, p.end, p.text) for p in article.passages
        ]
    owners, lines = [], []
    for n, p in enumerate(article.passages):
        for line in p.text.split("\n"):
            if line.strip():
                owners.append(n)
                lines.append(Passage(p.id, p.kind, p.start, p.end, line))
    return owners, lines


def _repeated_lines(articles: list[Article], judgements: list[Judgement]) -> frozenset[tuple[str, str]]:
    """(source, line key) pairs: lines found in two or more articles of one source."""
    counts: Counter[tuple[str, str]] = Counter()
    for article, judgement in zip(articles, judgements):
        if article.source:
            source = article.source.casefold()
            counts.update((source, key) for key in judgement.keys)
    return frozenset(pair for pair, count in counts.items() if count >= 2)
