"""Layered rules for self-harm and suicide risk, as reviewable class data.

Each RiskCue names a level it raises the message to. Context rules then lower a cue
(idiom, negation, past only, third party, fiction or study) or raise it (plan, means,
time, goodbye; risk already voiced earlier in the conversation). Every decision becomes
a reason, so a reviewer can see why a level was given.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .regex_gate import required_literals

LEVELS = ("none", "low", "moderate", "high", "imminent")
LOW, MODERATE, HIGH, IMMINENT = 1, 2, 3, 4

_SELF = r"(my\s*self|myself|meself|my\s+self|me\s+self|mself|mysef|myslef|my\s+life|my\s+own\s+life)"
_KILL = r"(kill|k[i1!*]ll|unalive|off|end|take|hurt|harm|cut|hang|shoot|drown|poison|overdose\s+on|od\s+on)"


@dataclass(frozen=True, slots=True)
class RiskCue:
    name: str
    level: int
    pattern: re.Pattern[str]
    reason: str
    # the same pattern, case-sensitive, for text already lowered with `lower_same_length`:
    # about twice as fast as IGNORECASE, which keeps the check on every message cheap
    lowered: re.Pattern[str]
    first_person: bool = True  # the pattern itself names the writer (myself, I, me)
    # strings of which every match holds one (regex_gate): a sentence with none is not scanned
    gate: frozenset[str] | None = None


def _cue(name: str, level: int, pattern: str, reason: str, first_person: bool = True) -> RiskCue:
    return RiskCue(name, level, re.compile(pattern, re.IGNORECASE), reason, re.compile(pattern), first_person,
                   required_literals(pattern))


def lower_same_length(text: str) -> str:
    """Lower-case text without moving any offset (a few characters, such as 'İ', lower to two)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


CUES: tuple[RiskCue, ...] = (
    # --- imminent: plan, means, time, preparation, goodbye --------------------------
    _cue("goodbye", IMMINENT, r"\b(this\s+is\s+(my\s+)?(goodbye(?!\s+to\s+(my\s+|the\s+|our\s+)?(old|last|first|\w+\s+(job|house|home|flat|school|team|office|class)))|the\s+end|my\s+last\s+(message|post|night|day)(?![.\s]*(on\s+(this|that|my|the)\s+(account|sub|forum|server|page|channel|handle)|for\s+(the|this|a)\s+(weekend|week|day|night|while|month|year|term|season)|till|until|before\s+(my|the)|of\s+(the|term|school|work|holiday))))|(wrote|written|writing|finished|left)\s+my\s+(suicide\s+|goodbye\s+|last\s+|final\s+)?(note|letters)\b(?!\s+(to|for)\s+(the\s+)?(teacher|landlord|boss|roommate|neighbou?r|school|office|class))|\bcheck(ing)?\s+out\s+(tonight|for\s+good|early|permanently|of\s+(life|this\s+life|this\s+world))|goodbye\s+(everyone|all|world|forever|guys|y'?all)|(said|saying)\s+my\s+(final\s+|last\s+)?goodbyes?\b(?!\s+to\s+(the|my|our)\s+(old\s+)?(house|home|flat|apartment|place|job|office|school|city|town|team|class|colleagues|coworkers|neighbou?rs|street|garden|car))|by\s+the\s+time\s+(you|u|anyone)\s+(read|see|find)s?\s+this|(wrote|written|writing|left)\s+(a\s+|my\s+|the\s+)?(suicide\s+|goodbye\s+|last\s+|final\s+)?(note|notes|letters?)\s+(for|to)\s+(my|everyone|the)|final\s+(goodbye|message|post)|\balvida\b|main\s+ja\s+raha\s+hoon|main\s+ja\s+rahi\s+hoon|maaf\s+kar\s+dena\s+sab|tell\s+(mum|mom|dad|my\s+\w+|\w+)\s+(that\s+)?i'?m\s+sorry|last\s+(voice\s+note|message|text|note)\s+i'?ll|don'?t\s+(try\s+to\s+)?(find|look\s+for)\s+me|\b(don'?t|dont|do\s+not)\s+come\s+looking\b|\b(started|been|finished)\s+writing\s+(letters|notes)\s+to\s+(people|everyone|my\s+(family|kids|parents|loved\s+ones))|\badi[oó]s\s+a\s+todos|\bperd[oó]nenme|won'?t\s+(see|hear\s+from)\s+me\s+(again|after\s+tonight)|last\s+time\s+(you'?ll|anyone\s+will)\s+(hear|see))", "a goodbye or last message"),
    _cue("on_the_edge", IMMINENT, r"\b(i'?m|i\s+am|im)\s+(on|at|standing\s+on|sitting\s+on|up\s+on)\s+((the\s+)?top\s+(floor\s+)?of\s+)?(the\s+|a\s+)?(bridge|roof|ledge|edge|tracks|rooftop|cliff|balcony\s+rail|parking\s+garage|car\s+park|multi[\s-]?stor(e)?y|overpass|railway\s+line)(?!\s+(sorting|fixing|clearing|cleaning|repairing|working|with\s+(the|my)\s+(kids|dog|family|team)|for\s+(work|the\s+view|a\s+photo)|setting\s+up|watching|taking\s+(photos|pictures)))|\bestoy\s+en\s+(la\s+azotea|el\s+puente|el\s+techo|las\s+v[ií]as)", "at a place of danger now"),
    _cue("plan", IMMINENT, r"\b(i\s+have|i'?ve\s+got|got|made|making|have)\s+(a|the|my)\s+plan\b|\bplann(ed|ing)\s+(it|out|how|when|to\s+(do\s+it|kill|end|take))|\bi\s+know\s+(where|when|how)\s*(,|\.|and|i)|\bthat'?s\s+when\s+(i'?ll|i\s+will|i'?m\s+(going|gonna)|it'?ll|it\s+will|it'?s\s+(going|gonna)|i\s+do\s+it)\b|\b(decided|picked|chose|set)\s+(how|when|the\s+date|a\s+date|the\s+day|a\s+day|the\s+time)|\bthe\s+plan\s+is\b|\bhow\s+i'?m\s+(going\s+to|gonna)\s+do\s+it", "a plan"),
    _cue("stockpile", IMMINENT, r"\b(saved|saving|stockpil\w*|hoard\w*|collected|collecting|counted|count(ing)?\s+out|lined\s+up|set\s+aside|been\s+keeping)\s+(up\s+)?(all\s+)?(of\s+)?(my|the|a|some|enough|these|those)?\s*(pills|tablets|meds|medication|sleeping\s+pills|painkillers|rope|razors?|blades?)|\b(pills|tablets|meds|sleeping\s+pills|painkillers)\s+(put|set|tucked|hidden)\s+(aside|away)|\b(put|set|tucked)\s+(aside|away)\s+(my|the|all\s+my)\s+(pills|tablets|meds)|\bsaving\s+(the\s+last\s+of\s+)?my\s+stash|\b(bought|got|ordered)\s+(a|the|some)\s+(rope|noose|gun|pistol|charcoal)\b(?!\s+(safe|lock|cabinet|case|licen[cs]e|lights?|for\s+(the\s+)?(tent|camping|climbing|boat|garden|swing|dog|kids?|hunting|range)|ladder|bag))|\b(rassi|zeher|neend\s+ki\s+goli(yan|yaan)?|goliyan|goliyaan)\s+(le\s+(aaya|aayi|li|liya)|rakh\s+(li|liya|li\s+hai|di)|mil\s+gay\w*|hai\s+mere\s+paas|jama\s+kar)", "preparation: means gathered or a time set"),
    _cue("means_ready", IMMINENT, r"\b(i\s+have|i'?ve\s+got|got|have)\s+(about\s+|around\s+|like\s+|over\s+)?\d+\s+(of\s+(them|my\s+\w+)|pills|tablets|\w+\s+pills)\b|\b(have|got|holding|grabbed|got\s+hold\s+of|sitting\s+here\s+with|ready|loaded|took\s+out)\s+(all\s+)?(my|the|a|some|enough|these|those|his|her)?\s*(pills|tablets|meds|sleeping\s+pills|painkillers|rope|noose|gun|pistol|rifle|razor|razors|blade|blades|knife|bullets?|belt|cord|charcoal)|\b(pills|rope|gun|blade|razor|knife)\s+(is|are)\s+(right\s+)?(here|ready|next\s+to\s+me|in\s+my\s+(hand|pocket|bag|car))", "means at hand"),
    _cue("plan_date", IMMINENT, r"\b(i'?ve\s+)?(picked|chosen|set|decided\s+on)\s+(a|the)\s+(date|day|night|place|spot|building|bridge)|\b(i'?ve|i\s+have|i)\s+(picked|chosen|decided\s+on)\s+(next\s+|this\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|the\s+\d+(st|nd|rd|th)?)\b|\bi\s+know\s+(which|what|where|how)\s+(building|bridge|day|place|way)|\bthat'?s\s+the\s+day\b|\bi\s+won'?t\s+(need|be\s+needing)\s+(anything|it|them|this)\s+(after|anymore|where\s+i'?m\s+going)|\b(letters|notes)\s+(are|is)\s+(written|posted|sent|done|ready)|\beverything'?s\s+in\s+order\b|\bwrote\s+my\s+(own\s+)?(eulogy|obituary)", "a plan or settled date"),
    _cue("recent_attempt", IMMINENT, r"\b(failed|botched|survived)\s+(my\s+|a\s+|the\s+)?(suicide\s+)?(attempt|suicide)\b|\bjust\s+(failed|tried)\s+(suicide|to\s+kill\s+myself)|\b(attempted|tried)\s+(suicide|to\s+(kill|end|hang|off)\s+(myself|my\s+life))\b[^.?!]{0,40}[.?!,]?\s*(and\s+)?(it\s+)?(failed|didn'?t\s+work|did\s+not\s+work|i\s+woke\s+up|i\s+was\s+saved|wasn'?t\s+enough)|\b(found|caught)\s+me\s+(hanging|trying\s+to\s+(kill|commit|end|hang))|\bi\s+took\s+\d+\s*(pills|tablets|paracetamol|\w+)?\s*(about\s+|around\s+)?(\d+|a\s+few|an?|several)\s+(hours?|minutes?)\s+ago", "a suicide attempt that has just happened"),
    _cue("acted", IMMINENT, r"\b(took|swallowed|taken|downed)\s+(all|everything|the\s+whole|a\s+bunch|a\s+lot|every)\b[^.?!]{0,40}(pills|tablets|meds|cabinet|bottle|box|packet)|\b(took|taken|swallowed)\s+(all\s+)?(my|the)\s+(pills|tablets|meds)\b|\bi\s+(just\s+)?(overdosed|od'?d)\b", "has already acted"),
    _cue("means_here", IMMINENT, r"\b(have|holding|got|with)\s+(the|my|a|my\s+\w+'s)\s+(pills|tablets|blade|razor|knife|gun|rope)\s+(in\s+front\s+of\s+me|in\s+my\s+hand|right\s+here|next\s+to\s+me|and\s+i'?m\s+in|ready)|\b(keep\s+)?holding\s+the\s+(knife|blade|gun|pills|rope)|\bsitting\s+(in\s+my\s+car\s+|here\s+)?with\s+(my|the|a|my\s+\w+'s)\s+(gun|pills|rope|blade|knife)|\bi'?m\s+(doing|going\s+to\s+do|gonna\s+do)\s+it\s+(on\s+)?(tonight|today|tomorrow|this\s+\w+|next\s+\w+|\w+day|after\s+(school|work|my\s+shift|everyone|they|the\s+\w+)|when\s+(the\s+house|everyone|they|nobody|no\s+one|mum|mom|dad))\b|\b(plan\s+is\s+(set|ready|made|done)|settled\s+on\s+(the|a)\s+(way|method|date|day|place)|researching\s+how)\b|\bnot\s+here\s+to\s+catch\s+a\s+train|\bchhat\s+(pe|par)\s+(khad[ai]|baith)", "means, place or plan at hand"),
    _cue("giving_away", IMMINENT, r"\b(gave|giving|given)\s+(away\s+)?my\s+(ps\d|xbox|switch|guitar|cat|dog|bike|car|laptop|phone|ring|watch|jewel\w*|stuff|things|books|games|setup|pc|camera|records|vinyl|collection)\b[^.?!]{0,40}\bto\s+(my|him|her|them|\w+)\b(?![^.?!]{0,30}\b(moving|move|when\s+i\s+(move|moved)|upgrade|new\s+one|bought\s+a\s+new))|\b(giv(e|ing)\s+away|gave\s+away|left|leaving|handed\s+out)\s+(all\s+)?(of\s+)?my\s+(stuff|things|belongings|possessions|prized|favou?rite|most\s+\w+|collection|games|guitar|cat|dog|pets?|clothes|books|savings|jewel\w*)\b|\bwho\s+(will|would|can)\s+(take\s+care\s+of|look\s+after|feed|have)\s+my\s+\w+\s+(when|after|once)\s+i'?m\s+gone|\b(put|putting|got|getting)\s+my\s+affairs\s+in\s+order|\b(updated|wrote|made|finished)\s+my\s+will\b", "giving things away or settling affairs"),
    # words that are a goodbye or a set time only after the writer has voiced wanting to die
    # ("i'm going now, night all" ends a chat; "tonight's the night" is a first gig)
    _cue("ambiguous_goodbye", IMMINENT, r"\bgoing\s+now\b|\btonight'?s?\s+(is\s+)?the\s+night\b|\b(i'?m|im)\s+ready\s+to\s+go\b|\bit'?s\s+time\s+for\s+me\s+to\s+go\b|\b(see\s+ya|bye|goodbye|night\s+all)\b[^.?!]{0,20}$", "a goodbye or set time after voiced ideation"),
    _cue("time_tonight", IMMINENT, r"\b(tonight|today|this\s+(evening|weekend|afternoon|morning)|right\s+now|in\s+(an|one|a\s+few|two|\d+)\s+(hour|hours|minutes|mins)|tomorrow|after\s+(everyone|they|my\s+\w+)\s+(is\s+asleep|sleeps?|goes?\s+to\s+bed|leaves?)|when\s+(everyone|they)\s+(is\s+)?(asleep|leave|gone)|before\s+(morning|sunrise|dawn)|esta\s+noche|hoy|ma[nñ]ana|aaj\s+raat|aaj|kal(\s+subah)?|jab\s+sab\s+so\s+ja\w+|(bas\s+)?kuch\s+din\s+aur|soon|in\s+(a|one|two|three|a\s+few|\d+)\s+(days?|weeks?)|this\s+week|before\s+(christmas|my\s+birthday|the\s+weekend|the\s+end\s+of\s+(the\s+)?(week|month))|on\s+the\s+\d+(st|nd|rd|th)|next\s+week|saturday|sunday|monday|tuesday|wednesday|thursday|friday)\b", "a time", first_person=False),
    # --- high: active ideation, current self-harm ------------------------------------
    _cue("kill_myself", HIGH, r"\b" + _KILL + r"(ing|ed|s)?\s+" + _SELF + r"\b|\bkms\b|\bunalive\s*(my\s*self|me|myself)?\b|\bk\s*m\s*s\b|\bkil+\s+my\s*self", "talks of killing themself"),
    _cue("suicide_self", HIGH, r"\b(and|feeling|feel|felt|so|am|being|been|get|got|getting|go)\s+(\w+\s+){0,2}suicidal\b(?!\s+(friend|person|people|patient|client|student|teen|son|daughter|kid|brother|sister|mum|mom|dad|partner))|\b(lot|lots|alot|bunch)\s+of\s+(suicid\w+)\s+(thoughts|ideation|urges)|\b(attempt|try)\s+(suicide|it)\s+again\b|\bjust\s+(failed|survived)\s+(my\s+)?(suicide|attempt)|\b(how|ways?|best\s+way|easiest\s+way)\s+to\s+(die|kill\s+myself|end\s+it)\s+(painlessly|quickly|peacefully|without\s+pain|fast|tonight)\b|\bhow\s+to\s+die\b|\bhire\s+someone\s+to\s+(off|kill)\s+me\b|\bevery\s+day\s+i\s+don'?t\s+kill\s+myself\b|\b(i'?m|i\s+am|im|i\s+feel|feeling|been|i'?ve\s+been|getting|i\s+get)\s+(so\s+|really\s+|very\s+|kinda\s+|pretty\s+|actively\s+)?suicidal\b|\bsuicidal\s+(thoughts|ideation|urges|again|lately|tonight|af|rn)|\b(i|i'?m|im)\s+(want|wanna|going|gonna|thinking\s+about|think\s+about|considering|plan\s+to|planning\s+to)\s+(to\s+)?(commit\s+)?(suicide|kill\b(?!\s+(him|her|them|my\s+(brother|sister|boss|roommate|mom|mum|dad)))|end\s+(it|things|everything|my|this)\b(?!\s+(with|between|off\s+with)))", "active suicidal thoughts"),
    _cue("end_it", HIGH, r"\b(i|i'?m|im|i\s+just|just)\s+(want|wanna|need|going|gonna|will|could|should|might|ready)\s+(to\s+)?(just\s+)?(end\s+(it|it\s+all|things|everything|this|my\s+life|the\s+pain)\b(?!\s+(with|between|off\s+with))|be\s+done\s+with\s+(it\s+all|life|everything)|check\s+out\s+for\s+good|take\s+(the|my)\s+pills|jump|not\s+be\s+here\s+tomorrow)\b|\bend\s+it\s+all\b|\bctb\b|\bcatch(ing)?\s+the\s+bus\b|\b(for\s+real|actually)\s+(this\s+time\s+)?(do\s+it|kill\b|end\s+it\b(?!\s+with))|\b(i'?m|im|i\s+am)\s+(just\s+)?ending\s+(it|it\s+all|things|everything|my\s+life)\b(?!\s+(with|between))|\bactually\s+do\s+it\b|\bsuicide\s+(feels|seems|is|looks)\s+(like\s+)?(the\s+)?(only|best|easiest|right)|\b(i|i\s+just)\s+(wnat|wnt|wan|wnna|want)\s+to\s+(end|kill)\s+(my|me)\s*(l[ife]{3}|self)|\bsab\s+khatam\s+kar\s+(dunga|dungi|du|doon)|\bkhud\s+ko\s+(maar|khatam)|\bquiero\s+matarme|\bme\s+quiero\s+matar|\bme\s+voy\s+a\s+matar|\bmatarme\b|\bsuicidarme\b", "wants to end their life"),
    _cue("thoughts_of_suicide", HIGH, r"\b(thoughts?|thinking|think|fantasi[sz]\w*|dream\w*)\s+(of|about)\s+(stick\w*\s+a\s+(knife|blade)\s+in|slit\w*\s+my|suicide|killing\s+" + _SELF + r"|ending\s+(it|my\s+life|things)|dying\s+by\s+suicide|taking\s+my\s+(own\s+)?life|unaliving)|\burges?\s+to\s+(kill|end|hurt|cut|harm|sh\b|self[\s-]?harm|burn|die)|\b(look(ing|ed)?|search(ing|ed)?|googl\w*|research(ing|ed)?)\s+(up\s+)?(ways|methods|how)\s+to\s+(do\s+it|die|end\s+it|kill\s+myself|end\s+my\s+life|overdose|go)\b", "thoughts of suicide"),
    _cue("overdose_thought", HIGH, r"\b(thinking\s+(about|of)|think\s+about|want\s+to|wanna|going\s+to|gonna|might|could\s+just|tempted\s+to|urge\s+to)\s+(just\s+)?(take|taking|swallow|swallowing|down|downing)\s+(all|every\s+one|the\s+whole\s+(bottle|box|pack|packet))?\s*(of\s+)?(my|the|these|those)?\s*(pills|tablets|meds|medication|bottle|box)\b|\b(i\s+want\s+to|wanna|going\s+to|gonna)\s+overdose\b|\b(take|use|swallow|down)\s+(it\s+|them\s+)?all\s+at\s+once\b|\b(swallow|swallowing|take|taking|down|downing|od\s+on|overdose\s+on)\s+(all|every\s+one|the\s+whole\s+(bottle|box))\s+(of\s+)?(my|the|these|those)\s+(\w+\s+)?(pills|tablets|meds|medication)\b|\bjump\s+(off|in\s+front\s+of)\s+(a|the)\s+(bridge|building|roof|train)", "thinks of a way to die"),
    _cue("self_harm_now", HIGH, r"\b(i|i'?ve|i\s+have|just|been|started|keep|kept|still)\s+(just\s+)?(cut|cutting|burn(ed|t|ing)?|scratch(ed|ing)|hit(ting)?|punch(ed|ing)|carv(ed|ing)|harm(ed|ing)|hurt(ing)?)\s+(myself|my\s+(arms?|wrists?|legs?|thighs?|skin|stomach|hips?))|\b(cutting|self[\s-]?harm(ing)?|sh)\s+again\b|\b(?<!accidentally\s)(?<!nearly\s)(?<!almost\s)(cut|burn(ed|t)|scratch(ed)?|carv(ed)?|punch(ed)?)\s+myself\b(?!\s+(shaving|cooking|chopping|on\s+(the|a)\s+(oven|stove|pan|iron|kettle|grill|tray)|by\s+accident|accidentally|while|making))|\b(burn(ed|t)|cut|scratch(ed)?)\s+(myself|my\s+(arm|wrist|leg|thigh|skin)s?)\s+with\s+(a|the|my)\s+(lighter|razor|blade|cigarette|hot\s+\w+|knife|compass|pencil\s+sharpener)|\brelapsed\b[^.?!]{0,30}\b(sh|self[\s-]?harm|cutting|cut)\b|\b(sh|self[\s-]?harm)\s+relapse\b|\bme\s+hago\s+da[nñ]o|\bme\s+corto\b|\b(press\w*|hold\w*|put\w*)\s+(the\s+|a\s+)?(hot\s+\w+|lighter|cigarette|iron|straightener|blade|razor)\s+(to|on|against|into)\s+my\s+(wrist|arm|skin|leg|thigh|hand|stomach)s?|\brelapsed\s+(on|with|into)\s+(self[\s-]?harm|sh|cutting)|\bfresh\s+(cuts|scars|wounds)\b|\bcut\s+again\b|\bcutting\s+every\s+day|\bbeen\s+sh[\s-]?ing|\bsh[\s-]?ing\s+again|\brelapsed\s+and\s+(cut|hurt|burn)|\b(swerv\w*|steer\w*|crash\w*|driv\w*)\s+(into|off)\s+(oncoming|a\s+tree|the\s+road|a\s+wall|traffic|the\s+bridge)|\bcrash\w*\s+(the|my)\s+car\s+on\s+purpose|\b(started|back\s+to)\s+(cutting|self[\s-]?harming|hurting\s+myself)", "current self-harm"),
    _cue("sh_slang", HIGH, r"\bsh'?d\b|\bsh\s+(last\s+night|today|again)|\bme\s+(cort[eé]|lastim[eé]|hice\s+da[nñ]o)|\bcortarme\b|\bquitarme\s+la\s+vida|\bkhud\s+ko\s+(kaat|kat|hurt|chot)|\bthinking\s+(about|of|bout)\s+(jumping|going\s+over|ending\s+it)|\bthink\s+(about|bout)\s+(jumping|ending\s+it|doing\s+it)|\b(keep|kept)\s+thinking\s+(about|bout)\s+(ending|it\b)|\bjust\s+end\s+it\b|\bwahi\s+khayal|\bmarne\s+ke\s+khayal", "active thoughts or recent self-harm"),
    _cue("want_to_hurt_self", HIGH, r"\b(want|wanna|need|urge|urges|going|gonna|feel\s+like)\s+(to\s+)?(hurt|cut|harm|burn|punish)\s+(myself|me)\b", "wants to hurt themself"),
    # --- moderate: passive wish to be dead ------------------------------------------
    _cue("wish_dead", MODERATE, r"\b(wish|wishing|hope|hoping|pray|praying)\s+(that\s+)?(i|i'?d|i\s+could|i\s+would|to|i\s+just)\s+(was|were|be|could|would|just|had)?\s*(dead|die|died|gone|disappear|vanish|stop\s+existing|not\s+exist|never\s+been\s+born|not\s+wake\s+up|didn'?t\s+wake\s+up|wouldn'?t\s+wake\s+up|never\s+wake\s+up|fall\s+asleep\s+and\s+never|not\s+be\s+here|wasn'?t\s+here|weren'?t\s+here|didn'?t\s+exist|was\s+never\s+born)", "wishes to be dead or gone"),
    _cue("want_to_die", MODERATE, r"\b(i\s+)?(just\s+)?(want|wanna|wish|would\s+like|'d\s+like|ready)\s+((so\s+)?(desperately|badly|really|honestly|genuinely|literally|actually|truly|so\s+much)\s+)?(to\s+)?(die|be\s+dead|not\s+be\s+alive|stop\s+living|stop\s+existing|disappear\s+forever|sleep\s+forever|go\s+to\s+sleep\s+(forever|and\s+not|and\s+never))|\bme\s+quiero\s+morir|\bquiero\s+morir(me)?|\bya\s+no\s+quiero\s+(vivir|estar\s+aqu[ií]|seguir)|\bmar\s+jaana\s+chaht[aie]|\bmarna\s+chaht[aie]|\bmar\s+jaun|\bmar\s+jaaun|\bjeen[ae]\s+ka\s+(mann?|man|dil)\s+nahi|\bjeena\s+(hi\s+)?nahi\s+(chaht|hai)|\bjeene\s+ka\s+koi\s+(matlab|fayda|maksad|mann)\s+nahi|\bzinda\s+nahi\s+rehna|\bzinda\s+rehne\s+ka\s+(mann?|dil)\s+nahi", "wishes to die"),
    _cue("dont_want_live", MODERATE, r"\b(want|need|wish)\s+(for\s+)?(this|it|this\s+shit|all\s+of\s+(this|it)|it\s+all|the\s+(suffering|pain|hurting))\s+to\s+(end|be\s+over|stop)\s*(forever|for\s+good|now|already)?\s*([.!?,]|$)|\bno\s+reasons?\s+(left\s+)?to\s+(live|keep\s+living|stay\s+alive|go\s+on)\b|\bnothing\s+(left\s+)?to\s+live\s+for\b|\bdon'?t\s+have\s+(anything|what|much|a\s+reason)\s+to\s+live\s+for|\bwhy\s+(even|should\s+i|do\s+i|would\s+i|bother\s+to)\s+(live|keep\s+living|continue|stay\s+alive|go\s+on|be\s+alive)\b|\b(worthy|deserve|good)\s+enough\s+to\s+live\b|\bdon'?t\s+deserve\s+to\s+(live|be\s+alive|exist)\b|\bno\s+point\s+(of|in)\s+(living|being\s+alive|going\s+on|me\s+being\s+here)\b|\bwhy\s+(the\s+\w+\s+)?i'?m\s+still\s+(here|alive)\b|\b(don'?t|do\s+not|dont|no\s+longer|not\s+sure\s+i)\s+(really\s+)?(want|wanna|wish|wnat|wnt|wamt|wan)\s+(to\s+)?(live|be\s+alive|exist|be\s+here|wake\s+up|keep\s+living|go\s+on\s+living|carry\s+on)\b|\bnot\s+wanting\s+to\s+(live|be\s+alive|exist|be\s+here|wake\s+up|keep\s+living)\b|\b(tired|sick|exhausted)\s+of\s+(living|being\s+alive|existing|life\s+itself)|\bno\s+(reason|point)\s+(to|in)\s+(live|living|being\s+alive|going\s+on)|\bwhat'?s\s+(even\s+)?the\s+point\s+(of|in)\s+(living|being\s+alive|life|me\s+existing|my\s+existence|existing|me\s+being\s+here)\b|\b(life|living)\s+(isn'?t|is\s+not|ain'?t)\s+worth\s+(it|living)", "does not want to live"),
    _cue("better_off_dead", MODERATE, r"\b(better\s+off\s+dead|(everyone|everybody|they|people|my\s+\w+|the\s+world|family)('?d|\s+would|\s+will)?\s+(be\s+)?(fine|ok|okay|better|happier)\s+without\s+me(\s+(here|around|in\s+(their|the)\s+li(fe|ves)|at\s+all))?\s*([.!?,]|$)|(everyone|they|people|my\s+\w+|world|family)\s+(would|will|'d)\s+be\s+better\s+off\s+without\s+me|(no\s*one|nobody)\s+would\s+(miss|notice|care)\s+(me\s+)?if\s+i\s+(was|were|died|disappeared|was\s+gone|were\s+gone))", "thinks others are better off without them"),
    _cue("not_exist", MODERATE, r"\b(nice|easier|better|peaceful|relief)\s+(it'?d|it\s+would|to)\s+(be\s+)?(to\s+)?(not\s+exist|be\s+dead|not\s+be\s+here|just\s+not\s+wake\s+up|disappear)|\b(want|wanna)\s+to\s+not\s+(exist|be\s+here|wake\s+up)|\bstop(ped|ping)?\s+existing\b|\bnot\s+wak(e|ing)\s+up\b|\bdon'?t\s+wake\s+up\b|\b(takes?|take)\s+me\s+in\s+my\s+sleep|\b(finish(es)?|finish)\s+me\s+off|\bhope\s+something\s+(happens|bad\s+happens)\s+to\s+me|\bwish\s+i\s+hadn'?t\s+(made\s+it|survived|woken)|\b(despertar|dormir\s+para\s+siempre|no\s+despertar)|\bkabhi\s+na\s+uth|\bmar\s+jaa|\bmarna\s+hai|\bmaut\s+aa\s+jaye|\bi\s+don'?t\s+think\s+i'?ll\s+be\s+around|\b(tired|sick)\s+of\s+waking\s+up|\bdon'?t\s+\w{0,2}\s*w[na]{1,2}t\s+to\s+be\s+alive", "a passive wish not to be alive"),
    _cue("passive_more", MODERATE, r"\b(welcome\s+death|(pray\w*|ask\w*|beg\w*)\s+(for\s+)?(him|god|the\s+lord|allah|jesus|bhagwan)\s+to\s+(call|take|bring)\s+me\s+(home|away|now|early)?|if\s+god\s+(took|takes|would\s+take)\s+me|ready\s+to\s+go\s+whenever|lord\s+(takes?|would\s+take|took)\s+me|hope\s+(i\s+get\s+(really\s+)?sick|something\s+(falls\s+on|hits|happens\s+to)\s+me)|(a|the)\s+(lorry|truck|bus|car|train)\s+(hit|hits|would\s+hit)\s+me|so\s+jaun\b|sab\s+khatam\s+ho\s+jaye|gayab\s+ho|desaparecer|(wish|want)\s+(i\s+)?(c[ou]{1,2}ld\s+)?(just\s+)?(dis+ap+ear|vanish)|stop\s+being\s+one\.?\s+permanently|if\s+i\s+(died|was\s+gone|didn'?t\s+wake\s+up)\b[^.?!]{0,30}(who\s+would\s+(even\s+)?care|i'?d\s+be\s+(ok|okay|fine))|i'?d\s+be\s+(ok|okay|fine)\s+w(ith|/)?\s+(it|that|dying)|ya\s+no\s+voy\s+a\s+estar|nahi\s+rah(u|oo)ng[ai]|won'?t\s+matter\s+(soon|much\s+longer))", "a passive wish not to be alive"),
    _cue("passive_accident", MODERATE, r"\b(wouldn'?t|would\s+not|won'?t)\s+(mind|care|be\s+sad)\s+(if\s+)?(i\s+)?(just\s+)?(dying|died|dead|getting\s+hit|got\s+hit|not\s+waking|didn'?t\s+wake|a\s+(car|bus|truck|train)|an\s+accident|crash)|\b(hope|hoping|wish)\s+(a|the|that\s+a)\s+(car|bus|truck|train|plane)\s+(hits|would\s+hit|hit)|\bif\s+i\s+(died|didn'?t\s+wake\s+up)\s+(tomorrow|tonight)?,?\s*(i\s+)?(wouldn'?t|would\s+not)\s+(mind|care)|\bkinda\s+wish\s+a\s+\w+\s+(would\s+)?hit\s+me", "would welcome death"),
    _cue("gone_soon", IMMINENT, r"\b(won'?t|wont|will\s+not|not\s+(gonna|going\s+to))\s+be\s+((a|her|his|their|your|ur|anyone'?s|everyone'?s|y'?all'?s|the\s+family'?s)\s+(problem|burden|bother)|around|here|bothering\s+anyone)\s+((for|to)\s+(anyone|anybody|you|them|everyone|my\s+\w+)\s+)?(much\s+longer|for\s+(much\s+)?long|anymore|soon|after\s+\w+|next\s+(week|month|year|time|christmas|summer)|by\s+(then|christmas|next\s+\w+)|to\s+(see|use|play|need|enjoy)|for\s+(the\s+next|christmas|my\s+birthday))(?![^.?!]{0,25}\b(holiday|vacation|trip|travel\w*|away|moving|visiting|conference|course|hospital\s+for))|\b(since|cause|because|coz|bc)\s+(i'?m|im|i\s+am)\s+(not\s+(gonna|going\s+to)\s+be\s+(here|around))\b|\b(i'?ll|ill|i\s+will)\s+be\s+gone\s+(by\s+(then|tomorrow|morning|monday|the\s+\w+)|soon|before\s+(long|morning|you))|\b(everyone|they|you\s+all|y'?all|you)\s+(will|'ll|are\s+gonna|gonna)\s+(finally\s+)?be\s+free\s+of\s+me(\s+soon)?|\bsab\s+(free|aazad|azad)\s+ho\s+jayeng\w*|\bmujhse\s+(chhutkara|free|aazad|azad)|\bnot\s+for\s+much\s+longer\b|\bsoon\s+(none\s+of\s+(it|this)|nothing)\s+(will|'ll)\s+matter", "near-term absence: a time"),
    _cue("euphemism_gone", MODERATE, r"\b(i'?ve|i\s+have)\s+made\s+(my\s+)?peace\b(?!\s+with\s+(the|my|our|it|being|him|her|them|\w+ing))|\b(want|wanna|wish\s+i\s+could|need)\s+to\s+(go|be)\s+where\s+(she|he|they|mum|mom|dad|my\s+\w+)\s+(is|are|went)\b|\b(stop|end)\b[^?!]{0,40}\bme\s+(included|too|as\s+well)\b|\b(none\s+of\s+(it|this)|nothing)\s+(will|'ll)\s+matter\s+(soon|anyway|anymore)|\bnot\s+making\s+it\s+(to|till|until|past)\s+(december|christmas|new\s+year|my\s+birthday|the\s+weekend|next\s+\w+|summer|spring)|\bnot\s+(be\s+)?around\s+(much\s+longer|for\s+long|next\s+(week|month|year))|\bsleep\s+(forever|and\s+never\s+wake)|\bnever\s+wake\s+up\b|\bjoin\s+(my\s+\w+|him|her|them)\s+(soon|in\s+heaven|up\s+there|on\s+the\s+other\s+side)|\b(want|wish|long|need)\s+to\s+be\s+with\s+(him|her|them|my\s+\w+)\s+(again|soon|up\s+there|in\s+heaven)|\bmake\s+(it|everything|the\s+pain)\s+stop\s+(forever|for\s+good|permanently)|\bdisappear\s+(forever|for\s+good|permanently)|\bbe\s+gone\s+(soon|forever|for\s+good)|\bpermanent\s+solution", "a euphemism for dying"),
    _cue("cant_go_on", MODERATE, r"\b(can'?t|cannot|cant)\s+((go\s+on|keep\s+going|carry\s+on)(?!\s+(like\s+this|with\s+(this|the|these|my|work)|working|doing))|keep\s+living|live\s+like\s+this|do\s+life)\s*(any\s*more)?\b", "cannot go on"),
    # "I can't keep going like this" about shifts or a situation: serious distress, which a
    # helper should ask about, but not by itself a wish to die
    _cue("cant_go_on_like_this", LOW, r"\b(can'?t|cannot|cant)\s+(go\s+on|keep\s+going|carry\s+on)\s+(like\s+this|with\s+(this|the|these|my|work)|working|doing)\b", "cannot go on like this (distress)"),
    # --- low: serious distress without death wishes ---------------------------------
    _cue("hopeless", LOW, r"\b(hopeless|no\s+hope|nothing\s+(will\s+)?(ever\s+)?(gets?|going\s+to\s+get|gonna\s+get)\s+better|never\s+going\s+to\s+get\s+better|no\s+way\s+out|no\s+future|pointless|what'?s\s+the\s+point|give\s+up\s+on\s+(everything|life)|given\s+up|no\s+aguanto\s+m[aá]s|sin\s+esperanza|koi\s+umeed\s+nahi|thak\s+gaya|thak\s+gayi)", "hopelessness"),
    _cue("worthless", LOW, r"\b(worthless|useless|a\s+failure|a\s+burden|a\s+waste\s+of\s+(space|air|oxygen)|hate\s+myself|i'?m\s+nothing|don'?t\s+deserve\s+(to\s+be|anything|love|happiness)|everyone\s+hates\s+me|no\s*one\s+(cares|would\s+care|loves\s+me))", "worthlessness or being a burden"),
    _cue("self_harm_history", LOW, r"\b(used\s+to|would|history\s+of|years\s+of)\s+(cut|cutting|self[\s-]?harm\w*|sh|hurt(ing)?\s+myself|burn(ing)?\s+myself)|\b(clean|free)\s+(from\s+)?(self[\s-]?harm|sh|cutting)\b|\bold\s+(scars|cuts)\b|\b(sh|self[\s-]?harm)\s+(free|clean)\b", "a history of self-harm"),
    _cue("low_misc", LOW, r"\b(never\s+(going\s+to|gonna)\s+change|always\s+going\s+to\s+be\s+like\s+this|no\s+light\s+at\s+the\s+end|something'?s\s+wrong\s+with\s+me|i\s+don'?t\s+belong|feel\s+nothing|feel\s+empty|so\s+alone|completely\s+alone|no\s*1\s+cares|nobody\s+cares|no\s+one\s+cares|such\s+a\s+(letdown|disappointment|mess|failure)|hate\s+(my\s+(life|body|face|brain)|everything\s+about\s+me)|can'?t\s+see\s+(any\s+)?(way|how)\s+(this|it|things)\s+(gets?|will\s+get)\s+better|tired\s+of\s+(fighting|trying|everything)|i'?m\s+done\b|so\s+done|let\s+(everyone|anyone)\s+down|failing\s+at\s+everything|atka\s+hua|koi\s+fark\s+nahi|ya\s+no\s+s[eé]\s+qu[eé]\s+hacer)", "serious distress"),
    _cue("trapped", LOW, r"\b(trapped|stuck\s+forever|can'?t\s+(do\s+this|take\s+(it|this))\s*any\s*more|can'?t\s+cope|falling\s+apart|breaking\s+down|empty\s+inside|numb\s+inside|so\s+(empty|numb)|drowning|at\s+my\s+(limit|breaking\s+point)|done\s+with\s+everything|want\s+(it|everything)\s+to\s+stop|ya\s+no\s+puedo\s+m[aá]s)", "feeling trapped or overwhelmed"),
)

# A cue inside one of these frames is not about the writer's own risk.
IDIOM = re.compile(
    r"(\b(is|are|was|'s|s|were|been|keeps?)\s+((actually|literally|really|lowkey|honestly|so|just|slowly)\s+)?killing\s+me\b(?!\s+(inside|slowly))|\bcould\s+(murder|kill)\s+(a|an|some|the)\s+\w+|\b(kill|die|murder)\s+for\s+a\b|\bi'?d\s+kill\s+for\b|\bdying\s+(to|for)\s+(see|try|know|go|get|hear|watch|meet|read|eat|have)|"
    r"\b(die|dying|died|dead)\s+(of|from|with)\s+(laughter|laughing|embarrassment|cringe|shame|boredom|cuteness|jealousy|envy|thirst|hunger|heat|happiness)|\bdead\s+(tired|serious|on\s+my\s+feet|inside\s+lol|lol|💀)|"
    r"\bi'?m\s+dead\s*(💀|😂|🤣|lol|lmao|haha)|\b(phone|battery|laptop|car|plant|plants|vibe|party|chat|server|game)\s+(is|was|'s)?\s*(dead|dying|died)|\bkilled\s+it\b|\bto\s+die\s+for\b|"
    r"\bkill\s+me\s+now\b|\bshoot\s+me\s+now\b|\b(gonna|going\s+to|will|i'?ll)\s+kill\s+(him|her|them|my\s+(brother|sister|boss|roommate|mom|dad|kids?|husband|wife|partner|cat|dog))\b|"
    r"\bcould\s+(just\s+)?die\s+(of|from)?\s*(embarrassment|happy|happiness|laughing)|\bthat\s+(joke|video|meme|show|comment)\s+(killed|kills)\s+me|\bmy\s+feet\s+are\s+killing\s+me|\bdying\s+(here\s+)?(lol|lmao|😂|💀)|\bmorir(me)?\s+de\s+(la\s+)?(verg[uü]enza|risa|hambre|sue[nñ]o|calor|fr[ií]o|envidia|ternura|amor|aburrimiento|cansancio)|\bme\s+muero\s+de\b|\bme\s+van\s+a\s+matar\b|\bmar\s+gaya\s+yaar\b|\bkill\s+me\s*(now|already|pls|plz|please)?\s*(🙃|😩|💀|😭|🤦|lol|lmao)|\b(has|have|had)\s+finished\s+me\b|\bdead\s+set\b)",
    re.IGNORECASE)
LAUGH = re.compile(r"(\bqu[eé]\s+oso\b|\blo+l+\b|\blmf?a+o+\b|\bha(ha)+h?\b|\bhehe+\b|😂|🤣|💀|\bjk\b|\bjust\s+kidding\b)", re.IGNORECASE)
NEGATION = re.compile(
    r"\b(never|not|no|don'?t|dont|do\s+not|wouldn'?t|would\s+not|won'?t|will\s+not|isn'?t|ain'?t|nor|without|no\s+longer)\b"
    r"[^.!?;,]{0,25}$", re.IGNORECASE)
NEGATED_WHOLE = re.compile(
    r"\b(i'?m\s+not|i\s+am\s+not|im\s+not|i'?d\s+never|i\s+would\s+never|i\s+will\s+never|i'?ll\s+never|i\s+wouldn'?t|i\s+won'?t|i\s+don'?t\s+(want|plan|intend|have\s+(any\s+)?(thoughts|plans)))\s+"
    r"(ever\s+)?(be\s+)?(suicidal|(going\s+to\s+|gonna\s+)?(hurt|kill|harm|do\s+anything\s+to)\s+myself|want\s+to\s+die|do\s+anything|act\s+on\s+it|(thoughts|plans)\s+(of|to)\s+(suicide|hurting|killing|harming))",
    re.IGNORECASE)
PAST = re.compile(
    r"\b(years?\s+ago|months\s+ago|when\s+i\s+was\s+(younger|a\s+(teen|kid|child)|in\s+(high\s+)?school|\d+)|in\s+(19|20)\d\d|back\s+(then|in)|used\s+to|in\s+the\s+past|at\s+my\s+lowest|last\s+year|(clean|free|sober)\s+(from|of)?\s*\w*\s*(for|since)|recovered|recovery|survived|survivor|attempted|my\s+attempt|after\s+my\s+attempt|a\s+long\s+time\s+ago|once\s+tried|hace\s+(\d+|un|una|dos|tres|cuatro|cinco|varios|muchos)\s+(años|meses|año)|el\s+año\s+pasado|saal\s+pehle|pichle\s+saal|saal\s+ho\s+gaye|at\s+(age\s+)?\d{1,2}(?!\s*(am|pm|:|o'?clock|%))|it'?s\s+been\s+(\d+|a\s+few|many|several|two|three|four|five|ten)\s+(years|months)|years?\s+since|sober|a\s+year\s+ago|\d+\s+years?\s+(ago|since|clean)|(19|20)\d\d)\b",
    re.IGNORECASE)
PRESENT = re.compile(
    r"\b(still|again|now|lately|these\s+days|this\s+week|tonight|today|right\s+now|recently|currently|abhi\s+bhi|todav[ií]a|ahora|keep\s+thinking|every\s+day|everyday|all\s+the\s+time|anymore|these\s+past|last\s+night|yesterday|this\s+morning|rn)\b",
    re.IGNORECASE)
THIRD = re.compile(
    r"\b(my\s+(best\s+)?(friend|bff|sister|brother|son|daughter|kid|child|mom|mum|mother|dad|father|partner|boyfriend|girlfriend|husband|wife|cousin|roommate|classmate|student|client|patient|coworker|colleague|teammate|neighbou?r|uncle|aunt|niece|nephew|grandson|granddaughter)|\bhe|\bshe|\bthey|\bhis|\bher|\btheir|\bsomeone\s+i\s+know|\b[A-Z][a-z]+\s+(says|said|told|keeps|wants|is|has))\b",
    re.IGNORECASE)
THIRD_REFLEXIVE = re.compile(r"\b(himself|herself|themselves|themself|his\s+life|her\s+life|their\s+life|their\s+lives)\b", re.IGNORECASE)
MEDIA = re.compile(
    r"\b(essay|paper|article|book|novel|story|stories|movie|film|show|series|episode|character|protagonist|villain|game|documentary|lecture|class|course|module|research|study|studies|presentation|news|headline|report|podcast|song|lyrics|poem|play|assignment|thesis|dissertation|training|workshop|awareness|prevention|hotline\s+volunteer|statistics|rates?\s+of|campaign|fiction|fanfic|script|scene|season|anime|manga|comic)\b",
    re.IGNORECASE)
FIRST_PERSON = re.compile(r"\b(i|i'?m|im|i'?ve|i'?d|i'?ll|me|my|myself|mine|yo|mujhe|main|mera|meri)\b", re.IGNORECASE)
SHORT_YES = re.compile(r"^\W*(yes|yeah|yea|yep|ya|yup|i\s+do|i\s+am|i\s+have|kinda|sort\s+of|maybe|i\s+think\s+so|s[ií]|haan|ha)\b", re.IGNORECASE)

ATTEMPT = _cue("attempt", HIGH, r"\b(attempted(\s+suicide)?|tried\s+to\s+(kill|end|take)\s+" + _SELF + r"|my\s+(suicide\s+)?attempt|overdosed|od'?d\s+on)\b", "a suicide attempt")
STILL_WANT = _cue("still_want", HIGH, r"\b(still|again)\s+(want|wanna|think\s+about|thinking\s+about|feel\s+like)\s+(to\s+)?(do\s+it|doing\s+it|it|that|trying\s+again|try\s+again)\b|\bthinking\s+about\s+(doing\s+it|trying)\s+again\b", "present ideation after past risk")
THIRD_CUE = re.compile(
    r"\b(he|she|they|my\s+\w+(\s+\w+)?|(?-i:[A-Z][a-z]+))\s+(wants?|wanted|said|says|keeps\s+(saying|talking)|talks?|talked|is\s+thinking|has\s+been\s+(thinking|talking|saying)|tried|is\s+going|threatened|posted|texted|told\s+(me|us)|mentioned|admitted)\b[^.?!]{0,60}"
    r"(kill\s+(himself|herself|themselves|themself)|end\s+(it|it\s+all|his\s+life|her\s+life|their\s+life|things)|suicid\w*|to\s+die|want\w*\s+to\s+die|self[\s-]?harm|cutting|hurt\w*\s+(himself|herself|themselves)|unalive|not\s+(wanting|want)\s+to\s+(live|be\s+here)|overdos\w*)",
    re.IGNORECASE)
# "last Tuesday", "every Friday", "since Monday": a time that is past or routine, not a plan
PAST_OR_ROUTINE_TIME = re.compile(r"\b(last|every|each|past|since|on\s+the\s+last)\s+$|\b(ago|before)\s*$", re.IGNORECASE)
IMMINENT_NEEDS_IDEATION = frozenset({"plan", "means_ready", "means_ready_already", "time_tonight", "ambiguous_goodbye"})
IMMINENT_ALONE_HIGH = frozenset({"giving_away"})
IMMINENT_ALONE = frozenset({"goodbye", "on_the_edge", "stockpile", "plan_date", "means_here", "gone_soon",
                            "recent_attempt"})
LONG_AGO = re.compile(r"\b(years?\s+ago|months\s+ago|when\s+i\s+was|in\s+(19|20)\d\d|at\s+(age\s+)?\d{1,2}\b|back\s+(then|in)|"
                      r"years?\s+since|it'?s\s+been\s+\w+\s+(years|months)|used\s+to)", re.IGNORECASE)
IMMINENT_TYPES = IMMINENT_NEEDS_IDEATION | IMMINENT_ALONE_HIGH | IMMINENT_ALONE
TIME_LIKE = frozenset({"time_tonight", "ambiguous_goodbye"})
SELF_HARM_ONLY = frozenset({"self_harm_now", "want_to_hurt_self", "self_harm_history"})
# "today", "right now", a weekday: a time for acting only with a word of intent in the sentence
AMBIGUOUS_TIME = re.compile(r"^(today|right\s+now|hoy|aaj|this\s+(morning|afternoon)|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.IGNORECASE)
FUTURE = re.compile(r"\b(going\s+to|gonna|gon|will|'ll|ll|plan\w*|decided|do\s+it|doing\s+it|by|before|until|till|is\s+the\s+day|that'?s\s+when|voy\s+a|karunga|karungi|kar\s+dunga|next|this\s+coming)\b", re.IGNORECASE)
LETTERS = re.compile(r"(?<!project\s)\b(wrote|written|writing|left|sent|posted)\s+(a\s+|my\s+|the\s+|some\s+)?(suicide\s+|goodbye\s+|last\s+|final\s+)?(note|notes|letters?)\b", re.IGNORECASE)
THIRD_SUBJECT = re.compile(r"\b((dost|woh|usne|unhone|uska|uski)\b|my\s+(best\s+)?(friend|bff|sister|brother|son|daughter|kid|child|mom|mum|mother|dad|father|partner|boyfriend|girlfriend|husband|wife|cousin|roommate|classmate|student|client|patient|coworker|colleague|teammate|neighbou?r|uncle|aunt|niece|nephew|grandson|granddaughter|follower|amiga|amigo|hermana|hermano|mam[aá]|pap[aá]|hijo|hija|dost|bhai|behen)|\b(he|she|they|kid|someone|somebody|a\s+friend|a\s+follower|a\s+student|a\s+client|coworker|cousin|his|her|their|dice|said|says)\b)", re.IGNORECASE)
SCHOOL_OR_TASK = re.compile(
    r"\b(time\s+capsule|project|assignment|class|school|homework|wedding|retirement\s+party|farewell\s+party|graduation|"
    r"last\s+day\s+(of|at)|retir\w+|new\s+(job|handle|account|house|flat|place|chapter|team|school)|see\s+(you|u)\s+(there|on\s+the\s+other\s+(app|account|server))|"
    r"moving\s+(to|house|out|back|abroad)|keys\s+handed\s+in|onto\s+the\s+next|at\s+this\s+party|i\s+mean|babysitter|"
    r"solicitor|lawyer|notary|estate\s+plann\w*|everyone\s+(over|should)|after\s+the\s+baby|grown\s+up|"
    r"passed\s+(his|her|their)\s+(test|exams?)|birthday\s+present|upgrad\w*|outgrown|grew\s+out\s+of|too\s+small|gonna\s+miss\s+(you|u)|will\s+miss\s+(you|u))\b",
    re.IGNORECASE)
# Someone else's death (grief talk): without a cue of the writer's own risk, the head may
# not raise such a message above `low` — grief alone is not suicide risk.
BEREAVEMENT = re.compile(
    r"\b(my|our|his|her|their)\s+(\w+\s+){0,2}(died|passed(\s+away)?|was\s+killed|lost\s+(his|her|their)\s+(life|battle))\b|"
    r"\bsince\s+(my|our|his|her)\s+(\w+\s+){0,2}(died|passed|death)|\b(lost|losing|buried)\s+my\s+\w+|\b(funeral|grief|grieving|widow\w*|bereave\w*)\b",
    re.IGNORECASE)

# A message that is nothing but a sign-off ("ok see ya", "i'm going now, night all", "gtg, bye x")
_SIGN_OFF_PART = (r"(ok(ay)?|alright|right|anyway|well|so|lol|haha|thanks|thank\s+you|ty|cheers|love\s+you|ily|"
                  r"(i'?m|im|i\s+am)?\s*(going|off|heading\s+(off|out)|logging\s+off)(\s+now)?|gotta\s+(go|run|dash)|"
                  r"g2g|gtg|ttyl|brb|talk\s+(later|soon|tomorrow|tmrw)|see\s+(ya|you|u)(\s+(later|soon|tomorrow|tmrw|"
                  r"around|all))?|cya|bye+|good\s*night|goodnight|nighty?(\s+night)?|nite|night\s+all|later|take\s+care|"
                  r"all|guys|everyone|y'?all|x+|:\)|<3|❤️|👋|😊)")
SIGN_OFF = re.compile(rf"^\W*{_SIGN_OFF_PART}(\W+{_SIGN_OFF_PART})*\W*$", re.IGNORECASE)

# After ideation earlier in the conversation, naming a means or a place is a plan ("theres rope
# in the garage", "hostel ki chhat. raat ko wahan koi nahi hota"); read in short answers only.
MEANS_OR_PLACE = re.compile(
    r"\b(pills?|tablets?|meds|medication|sleeping\s+(pills|tablets)|painkillers|paracetamol|tylenol|insulin|rope|noose|belt|"
    r"cord|rifle|gun|shotgun|pistol|knife|knives|blade|razor|bridge|roof|rooftop|ledge|cliff|tracks|train\s+line|"
    r"overpass|garage|shed|car\s+park|parking\s+garage|balcony|chhat|terrace|rassi|goliyan|pastillas|puente|azotea|"
    r"the\s+right\s+day|the\s+day|birthday|anniversary|while\s+(she|he|they)\s+(is|are|'s|'re)\s+(at\s+work|out|away)|"
    r"cuando\s+(ella|[eé]l|ellos)\s+(trabaj\w+|sal\w+|duerm\w+)|koi\s+nahi\s+hota)\b", re.IGNORECASE)
# An answer that turns toward help ("ok yeah ill text my RA tmrw", "kal didi se baat karunga");
# thanks alone is not one: "thanks, the pills are in my drawer" names a means
HELP_SEEKING = re.compile(
    r"\b(call|calling|text|texting|talk\s+to|talking\s+to|tell|telling|speak\s+to|ring|message|see|seeing|go\s+to|"
    r"going\s+to|contact|reach\s+out\s+to)\s+(\w+\s+){0,2}(hotline|helpline|line|crisis|988|111|999|911|samaritans|"
    r"therapist|counsell?or|doctor|gp|nurse|ra|teacher|mum|mom|dad|parents|sister|brother|friend|someone|somebody|didi|"
    r"bhai|a&e|er|hospital|psychiatrist)\b|"
    r"\b(baat\s+karung[ai]|bata\s+dung[ai]|le\s+voy\s+a\s+(contar|decir|llamar)|hablar\s+con|came\s+down|"
    r"i'?m\s+safe|im\s+safe|feeling\s+(a\s+bit\s+)?better|estoy\s+mejor)\b", re.IGNORECASE)

# Everyday frames for words the model links to risk: with no cue of the writer's own, the
# model alone may not raise such a message above `low` ("ending it with my boyfriend tonight").
ORDINARY_FRAME = re.compile(
    r"\b(end(ing|ed)?|call(ing|ed)?\s+off)\s+(it|things)\s+(with|between)\b|\bbreak(ing)?\s+up\s+with\b|"
    r"\bgun\s+(safe|lock|cabinet|licen[cs]e|range|club|show)\b|\b(deer|duck|hunting|shooting|fishing)\s+(season|trip|licen[cs]e)\b|"
    r"\b(climbing|tow|skipping|jump)\s+rope\b|\brope\s+(lights|swing|course|access)\b|"
    r"\b(leaving|left|quit(ting)?)\s+(my|the|this)\s+(job|company|team|group\s*chat|server|band|club|course)\b",
    re.IGNORECASE)
