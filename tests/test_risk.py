"""Case tables for the risk analyser: each row is a message and the level range a
careful human would accept. A missed crisis is the worst failure, so the imminent and
high rows assert a floor; the hard negatives assert a ceiling."""
from __future__ import annotations

import pytest

from attunement import Pipeline
from attunement.model import RISK_LEVELS

CASES = [
    # idioms, hyperbole, everyday speech -> none
    ("This commute is killing me, two hours each way.", "none", "none"),
    ("I'd kill for a coffee right now", "none", "none"),
    ("so dead tired after that shift", "none", "none"),
    ("I'm dying to see the new season!!", "none", "none"),
    ("that meme killed me 😂😂", "none", "none"),
    ("my phone is dying, text you later", "none", "none"),
    ("I'm gonna kill my brother if he eats my leftovers again", "none", "none"),
    # fiction, news, study
    ("Writing my psych essay on suicide prevention in rural areas", "none", "none"),
    ("The main character in the novel kills himself at the end and I can't stop thinking about the writing", "none", "low"),
    # third party: writer none/low, flagged separately
    ("My friend told me she wants to end it all. What do I do?", "none", "low"),
    # negation
    ("I would never hurt myself, I just need to vent about my boss", "none", "low"),
    ("I'd never do anything, but some nights I wish I could just not wake up", "moderate", "imminent"),
    # history vs present
    ("I attempted when I was 19. I'm in a much better place now and I'm training as a peer supporter.", "none", "low"),
    ("I tried to kill myself two years ago and lately I still want to", "high", "imminent"),
    # low
    ("I feel completely worthless and like a burden to everyone", "low", "moderate"),
    # passive ideation
    ("honestly I wouldn't mind if I didn't wake up tomorrow", "moderate", "imminent"),
    ("I wish I was never born", "moderate", "imminent"),
    ("sometimes i think everyone would be better off without me", "moderate", "imminent"),
    ("I won't be a problem for anyone much longer", "moderate", "imminent"),
    # active ideation, self-harm
    ("I keep thinking about killing myself", "high", "imminent"),
    ("kms fr i cant do this anymore", "high", "imminent"),
    ("i wanna unalive myself", "high", "imminent"),
    ("I cut myself again last night, I don't want to die I just need it to stop", "high", "imminent"),
    ("me quiero matar, ya no puedo más", "high", "imminent"),
    ("yaar sach mein khud ko khatam karna chahta hoon", "high", "imminent"),
    ("ya no quiero vivir, estoy cansada de todo", "moderate", "imminent"),
    ("jeene ka mann nahi karta ab", "moderate", "imminent"),
    # imminent
    ("I've been saving my pills and tonight is the night", "imminent", "imminent"),
    ("I'm standing on the bridge right now", "high", "imminent"),
    ("I wrote letters to my kids and gave my dog to my neighbour. This is goodbye.", "imminent", "imminent"),
    ("I'm going to kill myself tonight after everyone is asleep", "imminent", "imminent"),
]


@pytest.mark.parametrize("text, lowest, highest", CASES)
def test_risk_level_range(pipeline: Pipeline, text: str, lowest: str, highest: str) -> None:
    r = pipeline.assess_risk(text).risk
    assert RISK_LEVELS.index(lowest) <= RISK_LEVELS.index(r.level) <= RISK_LEVELS.index(highest), r.reasons
    for span in r.evidence:
        assert text[span.start:span.end] == span.text
    if RISK_LEVELS.index(r.level) >= 2:
        assert r.evidence and r.reasons


def test_third_party_is_flagged_separately(pipeline: Pipeline) -> None:
    r = pipeline.assess_risk("My brother keeps saying he wants to kill himself and I'm scared").risk
    assert r.level in ("none", "low")
    assert r.third_party


def test_risk_buried_in_a_long_message(pipeline: Pipeline) -> None:
    filler = ("Work was fine today, we had a meeting about the new rota and lunch was pasta again. "
              "My sister called about the holidays and we argued about who hosts. ") * 20
    text = filler + "Honestly I've been thinking about ending my life. " + filler
    r = pipeline.assess_risk(text).risk
    assert r.level in ("high", "imminent")
    assert any("ending my life" in e.text for e in r.evidence)


def test_risk_builds_across_a_conversation(pipeline: Pipeline) -> None:
    first = pipeline.assess_risk("I've been thinking about taking all my pills")
    assert first.risk.level in ("high", "imminent")
    later = pipeline.assess_risk("yeah. tonight.", context_level=first.risk.level)
    assert later.risk.level == "imminent"
    alone = pipeline.assess_risk("yeah. tonight.")
    assert alone.risk.level == "none"


@pytest.mark.parametrize("text,context,most,least", [
    ("i'm going now, night all", "none", "low", "none"),
    ("i’m going now, night all", "none", "low", "none"),  # a curly apostrophe, as phones type it
    ("tonight's the night — first gig!", "none", "none", "none"),
    ("ok see ya", "none", "low", "none"),
    ("gtg, bye x", "none", "low", "none"),
    ("ok. i'm going now", "high", "imminent", "imminent"),
    ("i'm going now, tell mum i'm sorry", "none", "imminent", "imminent"),
    ("tonight's the night. i have my pills ready", "none", "imminent", "imminent"),
])
def test_sign_offs_are_goodbyes_only_after_a_disclosure(pipeline, text: str, context: str, most: str,
                                                         least: str) -> None:  # type: ignore[no-untyped-def]
    """Found while writing practice scenarios: a chat's sign-off read as a final goodbye."""
    levels = ["none", "low", "moderate", "high", "imminent"]
    got = pipeline.assess_risk(text, context_level=context).risk.level
    assert levels.index(least) <= levels.index(got) <= levels.index(most), got


@pytest.mark.parametrize("text, lowest, highest", [
    # a day named in ordinary talk is not a date for acting; self-harm with a day is not a plan
    ("I just want to die. Got fired today and my landlord wants the rent.", "moderate", "high"),
    ("i cut again today, the urge was bad", "high", "high"),
    # a denial, then what the writer did: current self-harm is high whatever the intent
    ("burned myself with a lighter this morning. i dont want to die, i just wanted to feel something", "high", "high"),
    # look-alikes found by the development set
    ("Bought a gun safe today, the toddler is walking now", "none", "low"),
    ("im going to end it with my boyfriend tonight, we want different things", "none", "low"),
    ("this stats quiz is actually killing me", "none", "none"),
    ("this is goodbye to my old job!! last day today", "none", "low"),
    ("Honestly I could murder a burger after that run", "none", "none"),
    ("i'm on the roof fixing the gutter, call if you need me", "none", "low"),
    ("I overdosed at 22. It's been ten years and I'm doing well, I run a support group now.", "none", "low"),
    # euphemisms and preparation read literally
    ("checking out tonight. it's been a long road", "imminent", "imminent"),
    ("pretty sure i won't be around by christmas so don't get me anything", "imminent", "imminent"),
    ("Wrote my note. It's short.", "imminent", "imminent"),
    ("im at the top of the car park. nobody would care anyway", "high", "imminent"),
    ("I want so desperately to die", "moderate", "imminent"),
    ("I have no reason to live anymore", "moderate", "imminent"),
    ("everyone will finally be free of me soon", "imminent", "imminent"),
    # found by the second development set (dev-f): plans, goodbyes and anniversaries in ordinary life
    ("Final goodbye to our old flat today, gave the keys back to the landlord", "none", "low"),
    ("Three years ago today I tried to end my life. Today I got engaged.", "none", "low"),
    ("four years since my attempt today and I'm so glad I stayed", "none", "low"),
    ("my cousin keeps posting stuff like 'won't be here much longer', how do i help him", "none", "low"),
    ("i keep writing 'i won't be around much longer' in my notes app", "imminent", "imminent"),
    ("wish i could stop existing sometimes. anyway the match is on the 21st, you coming?", "moderate", "high"),
    ("lol this month is killing me. no seriously, I keep thinking about ending my life", "high", "high"),
    # an attempt that has just happened; passive wishes in other words; other languages
    ("my brother found me last night and now I'm in the hospital. I wish he hadn't", "imminent", "imminent"),
    ("results on friday. part of me is hoping it's something terminal", "moderate", "imminent"),
    ("slept all weekend and was honestly disappointed to wake up at all", "moderate", "imminent"),
    ("Gusto ko nang magpakamatay, wala nang saysay", "high", "imminent"),
    ("sana hindi na lang ako nagising ngayong umaga", "moderate", "imminent"),
    ("Me volví a cortar ayer, no sé cómo parar", "high", "imminent"),
    ("La verdad, he estado pensando en quitarme la vida", "high", "imminent"),
    ("It's a 'poem' about a boy who wants to sleep forever. It's me.", "moderate", "imminent"),
    ("My sister has been self-harming for a year and I've been holding it together. What I haven't told anyone is I've started thinking about suicide myself.", "high", "imminent"),
    ("I've started hitting my head against the bedroom door again when things get loud", "high", "imminent"),
    ("been banging my head against the wall with this spreadsheet all day", "none", "low"),
    # idioms in other Englishes
    ("this traffic go kill me one day o", "none", "low"),
    ("pure deid on ma feet after the hill walk", "none", "low"),
    # found by the third development set (dev-g, the stop-14 check set once measured)
    ("my partner and I have been fighting and I keep thinking about killing myself", "high", "high"),  # "tn" in "partner" was a time
    ("gonna kms after my shift ends at 11, done pretending", "imminent", "imminent"),  # "at 11" is a time, not an age
    ("we're in the ambulance now, mum found me, i'm so sorry", "imminent", "imminent"),
    ("it didn't work. woke up on the bathroom floor this morning", "imminent", "imminent"),
    ("tried to overdose on friday, they discharged me today", "imminent", "imminent"),
    ("i cut way too deep this time", "imminent", "imminent"),
    ("maine 30 neend ki goliyan kha li hain", "imminent", "imminent"),
    ("serial mein villain ne zeher pi liya, so dramatic", "none", "low"),
    ("Goodbye, everyone.", "imminent", "imminent"),
    ("sorting my paperwork so nobody has to deal with it after", "high", "imminent"),
    ("gave my headphones to sam, not gonna need them after friday", "imminent", "imminent"),
    ("wrote a goodbye letter to the team, retiring after 30 years!", "none", "low"),
    ("i've written letters to the kids and to my wife", "imminent", "imminent"),
    ("I don't want to be here anymore, this city is too expensive. Moving back to Cork.", "none", "low"),
    ("mera bhai bol raha tha ki usse jeena nahi hai, kya karun?", "none", "low"),
    ("mi hermana dice que quiere desaparecer, no sé qué hacer", "none", "low"),
    ("No es que quiera matarme, pero si mañana no despertara me daría igual", "moderate", "high"),
    ("apni jaan le loon, yahi sochta rehta hoon", "high", "imminent"),
    ("Every time the train comes in I feel a pull to step forward", "high", "imminent"),
    ("i keep thinking more and more about ending things", "high", "imminent"),
    ("I used to self-harm at school. The scars have faded and I'm fine now.", "none", "low"),
    ("back in college i had pills saved up. that was 6 years ago, i'm well now", "none", "low"),
    ("killing myself watching this match, we can't defend a corner", "none", "none"),
    ("the group project is a suicide mission lol", "none", "low"),
    ("this heat wan kill me, NEPA took light again", "none", "low"),
    ("Picked up my prescription at the pharmacy and filled the pill organiser for the week", "none", "low"),
    ("i just wanna dissapear forevr", "moderate", "imminent"),
    ("I can't keep on living this way", "moderate", "imminent"),
    ("sab khatam ho jaaye bas, main bhi", "moderate", "imminent"),
    ("Some nights I'd happily go to sleep and never come round", "moderate", "imminent"),
    ("Retired nurse, 74. The cats go to my niece and there is a letter for the coroner. Sunday.", "imminent", "imminent"),
    ("I'd no complain if I didnae wake up the morra", "moderate", "imminent"),  # a negated aversion is a wish
    ("I wouldn't care if I didn't wake up tomorrow", "moderate", "imminent"),
    ("this exam is killing me 😂 but honestly I don't want to live anymore", "moderate", "imminent"),
    ("the world would be lighter without me in it", "moderate", "imminent"),
    # someone else's risk stays theirs, unless the writer joins in
    ("My friend says she wants to die. Honestly so do I.", "moderate", "imminent"),
    ("my friend said she wants to end it. me too tbh", "high", "imminent"),
])
def test_rules_found_by_the_development_set(pipeline: Pipeline, text: str, lowest: str, highest: str) -> None:
    _assert_level_between(pipeline, text, lowest, highest)


@pytest.mark.parametrize("answer, lowest, highest", [
    ("theres a rope in the shed", "imminent", "imminent"),
    ("my mums pills are in the cabinet", "imminent", "imminent"),
    ("ok yeah i'll call the helpline tomorrow. thanks for listening", "low", "high"),
    ("thanks, the pills are in my drawer", "imminent", "imminent"),  # thanks alone is not help-seeking
    ("haan", "high", "imminent"),
    ("ok. i'll text my sister and call the line in the morning", "low", "high"),  # turning to help is no plan
    ("abhi wahin upar hoon", "imminent", "imminent"),
    ("vale, voy a llamar a la línea esta noche", "low", "high"),
    ("thank you. i think i can make it through tonight, my flatmate said she'd stay with me", "low", "high"),
    # a turn toward help or a promise not to act keeps the protocol in view (moderate), not a plan
    ("ok. i'll text my sister tomorrow", "moderate", "high"),
    ("nahi nahi, kuch karunga nahi, promise", "moderate", "high"),
    ("ok. i'll ring that number in the morning", "low", "high"),  # the crisis number is help
    ("yeah. sunday when they're all out at mass", "imminent", "imminent"),  # a day named as an answer
    ("No. Never. I’m not going to, I promise.", "moderate", "high"),  # a promise, typed with a curly apostrophe
])
def test_an_answer_after_a_disclosure(pipeline: Pipeline, answer: str, lowest: str, highest: str) -> None:
    """After active ideation, naming a means or a place is a plan; turning to help is not."""
    _assert_answer_between(pipeline, "i keep thinking about how i'd do it", answer, lowest, highest)


def test_lowered_patterns_match_like_case_insensitive_ones() -> None:
    """The rules match lower-cased text with case-sensitive patterns (twice as fast): the
    matches must be the very ones IGNORECASE finds on the original text."""
    from attunement.analysers import risk_rules as R
    from attunement.analysers.risk import ALL_CUES

    texts = ["I KEEP Thinking About KILLING Myself", "Tonight's The Night, I Have My Pills Ready",
             "İstanbul trip, then I Won't Be Around Much Longer", "KMS fr", "Me Quiero MORIR",
             "ABSCHIED — I'm On The Bridge"]
    for text in texts:
        low = R.lower_same_length(text)
        assert len(low) == len(text)
        for cue in ALL_CUES:
            assert [m.span() for m in cue.lowered.finditer(low)] == [m.span() for m in cue.pattern.finditer(text)], \
                (cue.name, text)


def test_lowered_message_scans_match_like_case_insensitive_ones() -> None:
    """The message-level scans (idioms, frames, history, recovery…) read the lowered message
    case-sensitively: on every risk text of the project they must find what IGNORECASE finds."""

    from attunement.analysers import risk_rules as R

    texts = _risk_corpus_texts()
    texts += ["I'M DONE With This Semester", "Meri DOST ne bola", "Used To Cut, Doing So Much Better Now"]
    for name in R.LOWERED_TWINS:
        plain, twin = getattr(R, name), getattr(R, name + "_L")
        for text in texts:
            low = R.lower_same_length(text)
            assert [m.span() for m in twin.finditer(low)] == [m.span() for m in plain.finditer(text)], (name, text)


def test_cue_scanner_finds_exactly_the_matches_of_each_whole_pattern() -> None:
    """The scanner tries a sentence only on the alternatives of a cue whose required strings it
    holds, and merges their matches: on every sentence of the project's risk texts it must give
    exactly the spans of scanning each cue's whole pattern (order, overlaps and ties included)."""
    import re

    from attunement.analysers import risk_rules as R
    from attunement.analysers.cue_scan import CueScanner
    from attunement.analysers.regex_gate import alternatives, literal_sets
    from attunement.analysers.risk import ALL_CUES, SCANNER
    from attunement.text import sentences

    texts = _risk_corpus_texts() + ["", "i", "kms", "ab", "kms kms. i want to die i want to die"]
    assert len(texts) > 5000
    found = 0
    for text in texts:
        low = R.lower_same_length(text)
        assert sorted(SCANNER.literals_in(low)) == sorted(lit for lit in set(SCANNER._short) | {
            lit for lits in SCANNER._by_trigram.values() for lit in lits} if lit in low), text
        for sent in sentences(text) or []:
            chunk = low[sent.start:sent.end]
            whole = [(i, [m.span() for m in cue.lowered.finditer(chunk)]) for i, cue in enumerate(ALL_CUES)]
            assert SCANNER.scan(chunk, SCANNER.literals_in(low)) == SCANNER.scan(chunk) == [(i, spans) for i, spans in whole if spans], text
            found += sum(1 for _, spans in whole if spans)
    assert found > 3000
    # the alternation's own rules, on small patterns: leftmost first, then the first alternative
    tiny = CueScanner([re.compile(r"\b(ab|abc)"), re.compile(r"(bcd|abc)"), re.compile(r"(?<!no )\b(cat|dog)s?\b")])
    assert tiny.scan("abcd") == [(0, [(0, 2)]), (1, [(0, 3)])]
    assert tiny.scan("no cats, two dogs") == [(2, [(13, 17)])]
    assert alternatives(r"\b(a|b(c|d))x|y") == [r"\bax", r"\bb(c|d)x", "y"]  # a leading group only
    assert alternatives(r"\b(a|(c|d)e)x") == [r"\bax", r"\bcex", r"\bdex"]
    assert alternatives(r"(a|b)?x") == [r"(a|b)?x"]  # an optional group is not distributed
    assert literal_sets(r"\bi\s+know\s+(where|how)") == [frozenset({"i"}), frozenset({"know"}),
                                                          frozenset({"where", "how"})]


def test_the_third_party_gate_never_hides_a_match() -> None:
    """The third-party pattern is scanned only in messages whose case-folded text holds one of
    the strings its every match must hold: all lower-case, and present wherever it matches."""
    from attunement.analysers import risk_rules as R

    assert R.THIRD_CUE_NEEDS and all(lit == lit.lower() for lit in R.THIRD_CUE_NEEDS)
    matched = 0
    for text in _risk_corpus_texts() + ["MY BROTHER SAID HE WANTS TO KILL HIMSELF", "Priya texted me she wants to die"]:
        for m in R.THIRD_CUE.finditer(text):
            assert any(lit in m.group(0).casefold() for lit in R.THIRD_CUE_NEEDS), text
            matched += 1
    assert matched > 50


def test_cue_gates_never_hide_a_match() -> None:
    """The strings the parser finds a pattern's every match must hold (what the cue scanner and
    the third-party gate look for): every match of every cue in the project's risk texts must
    contain one of its cue's, and the parser must find such strings for most cues."""

    from attunement.analysers import risk_rules as R
    from attunement.analysers.regex_gate import required_literals
    from attunement.analysers.risk import ALL_CUES

    texts = _risk_corpus_texts()
    assert len(texts) > 5000
    checked = 0
    gates = {cue.name: required_literals(cue.lowered.pattern) for cue in ALL_CUES}
    for cue in ALL_CUES:
        gate = gates[cue.name]
        if gate is None:
            continue
        for text in texts:
            for m in cue.lowered.finditer(R.lower_same_length(text)):
                assert any(lit in m.group(0) for lit in gate), (cue.name, m.group(0))
                checked += 1
    assert checked > 5000
    assert sum(g is not None for g in gates.values()) >= 30
    assert required_literals(r"ab?c") == frozenset({"a"}) or required_literals(r"ab?c") == frozenset({"c"})
    assert required_literals(r"(kill|end)\s+myself") == frozenset({"myself"})
    assert required_literals(r"x|") is None and required_literals(r"\w+") is None


def test_branch_gates_answer_as_the_whole_pattern_does() -> None:
    """The idiom and everyday-frame alternations, tried one alternative at a time behind their
    literal gates, match exactly the texts the whole patterns match; alternatives are split
    only at the top level (not inside groups, character classes or after an escape)."""
    import re

    from attunement.analysers import risk_rules as R
    from attunement.analysers.cue_scan import CueScanner
    from attunement.analysers.regex_gate import top_level_branches

    texts = _risk_corpus_texts() + ["this commute is killing me", "student film on the bridge", ""]
    hits = 0
    for gate, pattern in ((R.IDIOM_ANYWHERE, R.IDIOM_L), (R.ORDINARY_FRAME_ANYWHERE, R.ORDINARY_FRAME_L)):
        for text in texts:
            low = R.lower_same_length(text.replace("’", "'"))
            whole = pattern.search(low) is not None
            assert gate.search(low) == whole, (pattern.pattern[:40], text)
            hits += whole
    assert hits > 500
    assert top_level_branches(r"(a|b(c|d)|[|]|\(|e)") == ["a", "b(c|d)", "[|]", r"\(", "e"]
    assert top_level_branches(r"(?:x|y)") == ["x", "y"]
    assert top_level_branches(r"(x)|(y)") == ["(x)", "(y)"]
    assert top_level_branches(r"(?i:x|y)") == [r"(?i:x|y)"]  # flags on the group: kept whole
    assert CueScanner([re.compile(r"(cat|dog)s?\b")]).search("two dogs")  # the group is not the whole pattern


def test_a_plan_and_a_day_without_ideation_are_no_crisis() -> None:
    """The rules alone: a plan for a weekday is ordinary talk unless the writer voices ideation."""
    from attunement.analysers.risk import apply_rules

    assert apply_rules("I have a plan for Sunday: brunch, the museum, an early night").level == 0
    assert apply_rules("I want to die. I have a plan for Sunday.").level == 4


@pytest.mark.parametrize("text, lowest, highest", [
    # an attempt that has just happened, in other words than pills
    ("swallowed a capful of weedkiller an hour ago. feel sick. what happens now", "imminent", "imminent"),
    ("My brother found me in the loft and cut me down. I'm on a ward now.", "imminent", "imminent"),
    # means gathered at work, a dose looked up, secrecy until after
    ("I'm a pharmacist and I've been pocketing a few tablets from the dispensary every week.", "imminent", "imminent"),
    ("I know exactly how many of my tablets it would take.", "imminent", "imminent"),
    ("Signed my will on Friday. Nobody needs to know why until after.", "imminent", "imminent"),
    ("the noose is under my mattress and i decided it will be after payday", "imminent", "imminent"),
    ("I'm gonna do it on her birthday so she remembers", "imminent", "imminent"),
    # active and passive ideation in words the rules missed
    ("I keep thinking about putting a bullet in my head", "high", "imminent"),
    ("the thought of taking my own life has started to feel calm", "high", "imminent"),
    ("My cousin died by suicide last year and I think I should follow him.", "high", "imminent"),
    ("honestly I hope I don't live to see forty", "moderate", "imminent"),
    ("an asteroid could take me out tomorrow and I'd be fine with it", "moderate", "imminent"),
    ("bhagwan se roz kehti hoon ki mujhe utha le", "moderate", "imminent"),
    ("Watched the crash footage and thought I'd swap places with the driver who died", "moderate", "imminent"),
    ("it would be no harm if I just didn't make it home some night", "moderate", "imminent"),
    # a self-harm urge held off with the means hidden: current self-harm risk, not a plan
    ("gave my razors to my flatmate tonight, the urge to cut was so strong", "high", "high"),
    # a history, well now
    ("I overdosed when I was 19. Ten years later I'm a paramedic and genuinely happy.", "none", "none"),
    ("sh free for 300 days!! wore short sleeves to work", "none", "none"),
    ("I attempted in 2015. I still have bad days, but therapy helps", "low", "high"),
    # idioms, mentions and other people
    ("I'm going to throw myself off a bridge if this wifi drops one more time", "none", "low"),
    ("OD'd on cookies at the office party, send help", "none", "low"),
    ("my calves wish I was dead after leg day", "none", "low"),
    ("the kids say 'kms' like it means nothing, how do I talk to them about it?", "none", "low"),
    ("Visited my mate who overdosed in the spring, he's doing loads better", "none", "low"),
    ("I'm 79, not afraid of death, and have put my affairs in order as anyone should. Now, about my pension app", "none", "low"),
    ("I'm taking my life back, one day at a time", "none", "low"),
    ("Burnt myself on the oven tray making roasties again", "none", "low"),
])
def test_rules_found_by_check_h(pipeline: Pipeline, text: str, lowest: str, highest: str) -> None:
    _assert_level_between(pipeline, text, lowest, highest)


def _assert_answer_between(pipeline: Pipeline, disclosure: str, answer: str, lowest: str, highest: str) -> None:
    """`answer` read after `disclosure` (active ideation) in one conversation."""
    first = pipeline.assess_risk(disclosure)
    assert first.risk.level in ("high", "imminent")
    r = pipeline.assess_risk(answer, context_level=first.risk.level).risk
    assert RISK_LEVELS.index(lowest) <= RISK_LEVELS.index(r.level) <= RISK_LEVELS.index(highest), (r.level, r.reasons)


def _assert_level_between(pipeline: Pipeline, text: str, lowest: str, highest: str) -> None:
    r = pipeline.assess_risk(text).risk
    assert RISK_LEVELS.index(lowest) <= RISK_LEVELS.index(r.level) <= RISK_LEVELS.index(highest), (r.level, r.reasons)


def _risk_corpus_texts() -> list[str]:
    """Every message of the project's risk corpus (training, development, check and test)."""
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "corpus" / "risk"
    return [json.loads(line)["text"] for f in sorted(root.rglob("*.jsonl"))
            for line in f.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("text, lowest, highest", [
    # an attempt that has just happened, in Spanish, Hindi/English and plain English
    ("me tomé todas mis pastillas hace rato y no le he dicho a nadie", "imminent", "imminent"),
    ("saari goliyan kha li hain abhi, ajeeb lag raha hai", "imminent", "imminent"),
    ("I swallowed some pills about an hour ago, way too many, and now I'm frightened", "imminent", "imminent"),
    ("my dad found me. paramedics are on the way. i didn't want him to", "imminent", "imminent"),
    # stockpiling said as putting aside, and a place scouted with a time
    ("I've been setting my tablets aside for weeks and on Friday I'm taking the lot", "imminent", "imminent"),
    ("worked out which car park has no barrier on the top level. going up after my shift", "imminent", "imminent"),
    # active ideation: slang, thinking how, using a means on oneself, extra pills on purpose
    ("been having thoughts of topping meself since the divorce", "high", "imminent"),
    ("he estado pensando en cómo lo haría, me da miedo", "high", "imminent"),
    ("roz sochta hoon kaise karunga, kaunsa tareeka", "high", "imminent"),
    ("when I'm alone with the razor I think about using it on myself", "high", "imminent"),
    ("took extra of my sleeping tablets on purpose last night just to switch off, not to die", "high", "imminent"),
    ("I had a go at ending it in 2019 and the thoughts of doing it again are back", "high", "imminent"),
    ("some days I'd rather not have woken up at all", "moderate", "imminent"),
    # look-alikes: jumps, feet, karaoke, Spanish idioms, wills, farewells at work, social media
    ("I'm going to jump tomorrow! bungee over the gorge, 80 metres", "none", "low"),
    ("am I shooting myself in the foot by turning the promotion down?", "none", "low"),
    ("I'd rather die than sing at my own birthday party", "none", "low"),
    ("estos exámenes me están matando, I need a nap", "none", "low"),
    ("Signed my will at the solicitor's today, all sorted for the grandkids. Feels like a weight off.", "none", "low"),
    ("Last day at the depot today, said goodbye to the lads, new job starts Monday", "none", "low"),
    ("signing off for good, deleting tiktok tonight. find me on the discord", "none", "low"),
    ("Last post here, we're moving to the new page from Monday", "none", "low"),
    ("scaffold work on the 9th floor tomorrow, harness checked, wish me luck with the wind", "none", "low"),
    ("Grandad's pills are in the kitchen drawer, the evening ones after his tea", "none", "low"),
    ("Two years ago today I overdosed. Today I ran my first marathon and life is good.", "none", "low"),
    ("I used to think about dying every day. Therapy changed that, and it can for you too.", "none", "low"),
    ("meri behen ki dost ne attempt kiya tha, ab theek hai", "none", "low"),
    ("my housemate left a note saying sorry for everything and isn't answering, I've called 999", "none", "low"),
    # a time to see help is no plan
    ("I've been thinking about killing myself for a while. I've got a GP appointment next week about it.", "high", "high"),
    # plans said in other words, across sentences
    ("Tengo mis pastillas guardadas. El viernes lo voy a hacer.", "imminent", "imminent"),
    ("exams end friday. after that im doing it, my dads tablets are in the kitchen", "imminent", "imminent"),
    ("The tablets are in my bag and after the night shift I'm taking every one.", "imminent", "imminent"),
    ("I've left the letter for my brother with my passwords. He'll need it after Sunday.", "imminent", "imminent"),
    ("Called my parents tonight. They don't know it was the last call.", "imminent", "imminent"),
    ("Found out which bridge in town has no railings. Going there after work.", "imminent", "imminent"),
    ("Sealed the letters tonight. One for my sister, one for Sam, one for the lads at work.", "imminent", "imminent"),
    ("I told myself I'd give it until the new year. It's January now and nothing has changed.", "imminent", "imminent"),
    ("Wills are boring but done. I've left all the paperwork in a box for my son for after the funeral of his gran.", "none", "high"),
    ("Finished the thank-you notes. One for mum, one for the neighbours, one for the nurses.", "none", "low"),
    ("I said I'd give it till Friday to hear back about the job. Nothing changed, so I'm applying elsewhere.", "none", "low"),
    ("I get weirdly envious when I hear someone died, like they got to leave", "moderate", "imminent"),
    # self-harm again, and in other words
    ("used to cut at uni, stopped for ages. started again this winter and cant stop", "high", "imminent"),
    ("I bang my head against the wall until it hurts when the shouting starts", "high", "imminent"),
    ("scrached my arms till they bled again", "high", "imminent"),
    # a passive wish addressed to God; a place to study in, not a study of suicide
    ("some nights I pray God would take my life in my sleep", "moderate", "moderate"),
    ("Khud ko khatam karne ka khayal aata rehta hai, class mein bhi", "high", "imminent"),
    # other people at risk, in Spanish, Hindi/English and as "you"
    ("bro answer me. your gf said u took pills. im outside", "none", "low"),
    ("Mi amigo me dijo que ya no quiere vivir y no sé qué decirle", "none", "low"),
    ("mera bhai bol raha tha ki woh sab khatam kar dega, kya karun", "none", "low"),
    # more look-alikes for the model alone
    ("Sunday I'm jumping off the harbour wall with the polar bear swim club!", "none", "low"),
    ("final goodbye to my nan's old house today, so many memories", "none", "low"),
    ("tonight's the night, season finale, no spoilers!!", "none", "low"),
])
def test_rules_found_by_check_i(pipeline: Pipeline, text: str, lowest: str, highest: str) -> None:
    _assert_level_between(pipeline, text, lowest, highest)


@pytest.mark.parametrize("answer, lowest, highest", [
    ("when dad's on nights", "imminent", "imminent"),
    ("once everyone's asleep", "imminent", "imminent"),
    ("no plan. just the thoughts, mostly at night", "high", "high"),
])
def test_an_answer_after_active_ideation(pipeline: Pipeline, answer: str, lowest: str, highest: str) -> None:
    _assert_answer_between(pipeline, "i've been thinking about killing myself", answer, lowest, highest)


@pytest.mark.parametrize("text, lowest, highest", [
    # risk the rules missed in dev-j, in new words
    ("The dog walker is booked for Monday. I've been saving up my tramadol and friday's the night. Also the bins go out Tuesday.",
     "imminent", "imminent"),
    ("Choir notes: alto line is fixed, bring water. I climbed up to the roof of the car park again to make sure the hatch is still unlocked. "
     "Saturday night is when I go. Next rehearsal is the 9th.", "imminent", "imminent"),
    ("Match report: we lost 3-1 in the rain. I swallowed a whole packet of my mum's sleeping tablets half an hour ago. "
     "Kit wash rota is on the group.", "imminent", "imminent"),
    ("i climbed over the railings on the overpass and a taxi driver talked me back. going back there after work", "imminent", "imminent"),
    ("tryed to drown myself last nite and it didnt work", "imminent", "imminent"),
    ("My brother found me passed out in the bath. I'm in A&E now and everyone's staring", "imminent", "imminent"),
    ("I know where grandad keeps the key to the gun safe. I've been thinking about killing myself since March.", "imminent", "imminent"),
    ("I used to cut in sixth form. Started again last week, work is crushing me.", "high", "imminent"),
    ("I want to do it, I just dont know how yet", "high", "imminent"),
    ("I tried at 15. I'm 40 now and I'd never act on it, but most nights I wish I hadn't survived.", "moderate", "imminent"),
    ("Woke up again and felt disappointed.", "moderate", "imminent"),
    ("Part of me was hoping the lorry wouldn't brake.", "moderate", "imminent"),
    ("I keep thinking about ending my life. I haven't got a plan, it just sits there.", "high", "high"),
    # look-alikes
    ("Paper on the new law to decriminalise attempted suicide in Ghana is out today", "none", "low"),
    ("Our dissertation codes tweets for suicidal ideation, kappa is 0.81 now", "none", "low"),
    ("this spreadsheet is going to make me unalive my keyboard", "none", "low"),
    ("Writing to my penfriend in Osaka this week, letters take ages", "none", "low"),
    ("The server shuts down at midnight. Thanks for eight great years, goodbye everyone!", "none", "low"),
    ("Made my will now that we've got a mortgage. Feels very grown-up", "none", "low"),
    ("At 88 I've planned my funeral with the priest, so now I can enjoy my roses", "none", "low"),
    ("garmi se mar raha hoon yaar, AC chala do", "none", "low"),
    ("papa ko result pata chala toh mujhe zinda nahi chhodenge", "none", "low"),
    ("this cold is trying to finish me off, send soup", "none", "low"),
    ("How do I ask my student if she's cutting? I noticed marks on her wrist", "none", "low"),
    ("nahi yaar, I'm not thinking of ending anything, bas thoda stress hai", "none", "low"),
    ("I self-harmed at uni, nothing for ten years now, and I co-run a peer support group", "none", "low"),
    ("I attempted at 20 and I'm mostly fine now, but this month has been rough and I feel hopeless about money", "low", "low"),
])
def test_rules_found_by_check_j(pipeline: Pipeline, text: str, lowest: str, highest: str) -> None:
    _assert_level_between(pipeline, text, lowest, highest)


@pytest.mark.parametrize("text,lowest,highest", [
    # missed risk in check-k's kinds (own wording)
    ("Good news on the allotment. Anyway I've sorted my tools out for my nephew and I'm planning to go through "
     "with it on Sunday. The courgettes are huge this year.", "imminent", "imminent"),
    ("jitni goliyan jama ki thi wo sab le li. sar ghoom raha hai", "imminent", "imminent"),
    ("Gied ma fishing rods tae ma brother. Ah'll no be needin them efter the night.", "imminent", "imminent"),
    ("cannae stop thinkin aboot toppin masel these days", "high", "high"),
    ("I don dey think of how to end this life, e don do me", "high", "imminent"),
    ("work is killing me and honestly i wouldnt mind if it really did", "moderate", "high"),
    ("so tired. would genuinely be fine with being actually dead tbh", "moderate", "high"),
    # look-alikes in check-k's kinds
    ("Last day at the depot after thirty years. Said my goodbyes, handed in my badge and ate far too much cake.",
     "none", "low"),
    ("Last shift at the bakery today. Said my goodbyes, hugged everyone twice and took the sourdough starter home.",
     "none", "low"),
    ("Final goodbye to my old school jersey, it's going to the charity shop", "none", "low"),
    ("goodbye forever to that cafeteria pizza, I will not miss it", "none", "low"),
    ("Writing letters to my cousins in Apia for Nana's 90th, all in Samoan", "none", "low"),
    ("Opening day Saturday. Rifle's sighted in and the thermos is packed, me and Uncle Ray heading out at 5.", "none", "low"),
    ("Tengo un sueño que me muero, who else is on the late shift?", "none", "low"),
    ("My dad got me down from the roof after the ball got stuck in the gutter", "none", "low"),
    ("They found me in the car after the crash, I'm in A&E now with a broken wrist", "none", "low"),
    ("I've been thinking about killing myself most weeks this term. Could I please have an extension until Monday?",
     "high", "high"),
])
def test_rules_found_by_check_k(pipeline: Pipeline, text: str, lowest: str, highest: str) -> None:
    _assert_level_between(pipeline, text, lowest, highest)


@pytest.mark.parametrize("text,lowest,highest", [
    # missed risk in check-l's kinds (own wording)
    ("Swallowed all of my sertraline about an hour ago and my hands are shaking", "imminent", "imminent"),
    ("I TAKE ALL MY PILLS 20 MINUTES AGO. HEAD SPINNING", "imminent", "imminent"),
    ("me tomé como 30 pastillas y ahora me siento rara", "imminent", "imminent"),
    ("the cut went deeper than i meant to and the blood keeps coming, getting dizzy", "imminent", "imminent"),
    ("Kept Dad's oxycodone instead of returning it to the chemist. After Friday I'll join him.", "imminent", "imminent"),
    ("Tied the dumbbells round my waist. The water is cold.", "imminent", "imminent"),
    ("Been counting them out on the bed. 60. Should be enough.", "imminent", "imminent"),
    ("haven't eaten since Friday, stopped eating and drinking on purpose and I'm not starting again. I want it over.",
     "imminent", "imminent"),
    ("ngl been wanting to unalive myself since footy season started", "high", "imminent"),
    ("I tried at 19. Now I'm 30 and the urge to try again is back", "high", "imminent"),
    ("scratched my legs raw in the shower again tonight", "high", "imminent"),
    ("I think every day to finish my life, I am so tired of this camp", "high", "imminent"),
    ("Since the ferry went down with my sister I keep thinking about joining her", "high", "imminent"),
    ("I've been cutting my forearms again since the exams started", "high", "imminent"),
    ("most nights I lie awake hoping I just won't wake up", "moderate", "high"),
    ("honestly wouldn't be the worst thing if I fell off the ladder at work", "moderate", "high"),
    ("if i crashed the van on the way home i wouldn't even be upset tbh", "moderate", "high"),
    ("Some days I'd be fine if a pallet fell right on top of me", "moderate", "high"),
    ("my kids would be better off with the life insurance than with me", "moderate", "high"),
    ("I don't see how any of this ever gets beter", "low", "moderate"),
    ("nada va a cambiar nunca, estoy atrapada aquí", "low", "moderate"),
    ("feel like I'm just taking up space at my brother's place", "low", "moderate"),
    # look-alikes in check-l's kinds
    ("Took my lithium at 9 like always, then walked the dog", "none", "low"),
    ("i take all my meds now, my doctor is really happy with me", "none", "low"),
    ("I take all my tablets every morning with breakfast", "none", "low"),
    ("took 12 ibuprofen this week for my back, is that ok?", "none", "low"),
    ("Finally cut myself off from the group chat drama, feels great", "none", "low"),
    ("thinking of jumping ship to the night crew, better pay", "none", "low"),
    ("Over my dead body is my little brother borrowing my car again", "none", "low"),
    ("the new intern is drowning in tickets but he's keen", "none", "low"),
    ("Mummy ne phone dekh liya toh meri jaan le lengi yaar", "none", "low"),
    ("Pappu bol raha tha ki usko jeena nahi hai, main kal usse milne ja raha hoon", "none", "low"),
    ("Every night after the kids sleep I watch one episode of my show", "none", "low"),
])
def test_rules_found_by_check_l(pipeline: Pipeline, text: str, lowest: str, highest: str) -> None:
    _assert_level_between(pipeline, text, lowest, highest)


@pytest.mark.parametrize("text,lowest,highest", [
    # missed risk in check-m's kinds (own wording)
    ("got my dads tablets out on the desk. im taking them all once he falls asleep", "imminent", "imminent"),
    ("swallowed about 15 of my antidepressents, room is spinning", "imminent", "imminent"),
    ("took like 25 of my prozac an hour ago", "imminent", "imminent"),
    ("I'm not going to do it tonight, but I've thought about killing myself every day this month", "high", "high"),
    ("It's not only wishing I wasn't around any more. I've started thinking about actually doing it.", "high", "imminent"),
    ("I keep picturing driving the car off the quarry road", "high", "imminent"),
    ("giving my account and all my items to jojo, been fun. gg. logging off for good tonight", "imminent", "imminent"),
    ("I tried at 16. Fifteen years later I still want to finish what I started.", "high", "imminent"),
    ("some nights I want to fall asleep and stay asleep for good", "moderate", "high"),
    ("kabhi lagta hai so jaun aur phir kabhi uthun hi nahi", "moderate", "high"),
    ("kaash main paida hi na hua hota", "moderate", "high"),
    ("kaash main hota hi nahi, sab aasaan hota", "moderate", "high"),
    ("half hoping I catch the flu going round the home and it takes me", "moderate", "high"),
    ("i'd be fine just not existing tbh", "moderate", "high"),
    ("no work, no papers, no way forward. stuck like this forever", "low", "moderate"),
    ("my kids deserve a better dad than me", "low", "moderate"),
    ("Ten years ago today I tried to end it. Today I ran my first 10k.", "none", "low"),
    # look-alikes in check-m's kinds
    ("about to kill myself in the lava again so i respawn at the checkpoint lol", "none", "low"),
    ("I swear my boss wants me dead, third double this week", "none", "low"),
    ("kal ke exam ka soch ke jaan nikal rahi hai yaar", "none", "low"),
    ("Goodbye everyone! I'm leaving the group now that I've graduated. Stay in touch!", "none", "low"),
    ("Gave my furniture to the neighbours and said bye to everyone. I'm moving in with my partner in Leeds!", "none", "low"),
    ("This is the end of the road for our knitting circle after twelve years, last meeting Friday.", "none", "low"),
    ("I won't be around next week, hiking off grid in the Cairngorms", "none", "low"),
    ("My neighbour keeps saying she's 'ready to join him' since her husband died. Who can I call?", "none", "low"),
])
def test_rules_found_by_check_m(pipeline: Pipeline, text: str, lowest: str, highest: str) -> None:
    _assert_level_between(pipeline, text, lowest, highest)


@pytest.mark.parametrize("text,lowest,highest", [
    # missed risk in check-n's kinds (own wording)
    ("cyaan tek it nuh more, cyaan go on", "moderate", "high"),
    ("handing my board and all my wheels to dre tomorrow. been real. im out", "imminent", "imminent"),
    ("Mai, you can have my whole nail kit and the lamp, i wont need them. look after my kids ok? bye", "imminent", "imminent"),
    ("I've kept back my late wife's tablets. Saturday night, when the kids have gone home, I'll take them.", "imminent", "imminent"),
    ("gave my brother my car keys and my watch this morning. the letters are in the top drawer of my desk", "imminent", "imminent"),
    ("honestly i don't see the point of being alive anymore", "moderate", "high"),
    ("not existing sounds kind of peaceful lately", "moderate", "high"),
    ("I'm just taking up a seat someone else could use. the lab would get more done without me", "low", "low"),
    ("not that i'd kill myself but if the plane went down i wouldn't mind", "moderate", "moderate"),
    ("I've been thinking about doing away with myself", "high", "imminent"),
    ("some mornings i hope a lorry runs me over on the ring road", "moderate", "high"),
    ("tried to end things 4 yrs ago, doing loads better now, but this month i feel worthless again", "low", "low"),
    # look-alikes in check-n's kinds
    ("killed myself with my own rocket again lmao this map is cursed", "none", "low"),
    ("otra junta a las 7am y me muero jaja", "none", "low"),
    ("that bridge, 'let me go to sleep and never wake' — best song on the album", "none", "low"),
    ("whoever wrote 'tonight is my last goodbye' into that chorus wrecks me every time", "none", "low"),
    ("long day at the practice, had to put two old cats to sleep. going home to hug my dog", "none", "low"),
    ("Saying my goodbyes at church on Sunday after 40 years in the choir. Moving to be near my son.", "none", "low"),
    ("last post on here, deleting everything tonight. find me irl at the climbing wall", "none", "low"),
    ("Three yrs since my attempt and I never thought I'd be the one answering the phones at the line", "none", "low"),
    ("the news about the ferry cuts is the end of the line for our island", "none", "low"),
    ("goodbye forever old laptop, the new one comes monday", "none", "low"),
    ("my cousin's friend jumped from the viaduct two years ago and people here still talk about it", "none", "low"),
    ("when i said i was gonna kms i meant the group project lol", "none", "low"),
    ("when i said i wanted to kill myself i meant it", "high", "imminent"),
    ("attempted at 20, now 41 with a job i love. it gets better", "none", "low"),
    # present risk in check-n's kinds, found by probing (own wording)
    ("i envy people who get to leave this world early", "moderate", "high"),
    ("i cut for years as a teen and this month has been really rough", "low", "moderate"),
    ("once work ends at 6 i'm driving out to the quarry. this is the last message you'll get from me", "imminent", "imminent"),
    ("my nan's heart pills. every one of them. tonight.", "imminent", "imminent"),
    # everyday medicine talk found by probing (own wording)
    ("mum's blood pressure tablets need collecting before the weekend, can someone go", "none", "low"),
    ("the dog knocked my meds off the shelf again, tablets all over the kitchen", "none", "low"),
    ("sorted grandad's tablets into his weekly box before i head home tonight", "none", "low"),
    ("me corté el dedo picando cebolla jaja", "none", "low"),
    ("sigo cortándome, no puedo parar", "high", "imminent"),
])
def test_rules_found_by_check_n(pipeline: Pipeline, text: str, lowest: str, highest: str) -> None:
    _assert_level_between(pipeline, text, lowest, highest)


def test_a_time_in_work_talk_before_active_ideation_in_a_long_message_is_no_plan(pipeline: Pipeline) -> None:
    text = ("morning team. the delivery moved to thursday so we need the shelving up before then, "
            "no excuses. I keep thinking about killing myself and I don't know who to tell. "
            "anyway the van is back from the garage and the rota is on the fridge.")
    assert pipeline.assess_risk(text).risk.level == "high"
    assert pipeline.assess_risk("Friday. I'm going to kill myself. I've thought about it enough.").risk.level == "imminent"


@pytest.mark.parametrize("text", ["anyway how are you", "ok anyway, how was your weekend", "what are you up to this weekend",
                                  "anyway enough about me", "anyway thanks for listening", "anyway see you monday"])
def test_small_talk_with_no_cue_and_no_earlier_risk_asks_for_no_protocol(pipeline: Pipeline, text: str) -> None:
    # the model alone once read "anyway how are you" as imminent
    assert pipeline.assess_risk(text).risk.level in ("none", "low")


@pytest.mark.parametrize("text", ["anyway how are you", "ok anyway, how was your weekend", "what are you up to this weekend"])
def test_a_question_back_to_the_helper_is_never_read_as_a_plan(pipeline: Pipeline, text: str) -> None:
    for context in ("high", "imminent"):
        assert pipeline.assess_risk(text, context_level=context).risk.level in ("low", "moderate", "high")


def test_a_farewell_after_a_plan_is_still_read_by_the_model(pipeline: Pipeline) -> None:
    # a sign-off caps the model only with no earlier risk: after a plan, "love you all" may be a goodbye
    assert pipeline.assess_risk("love you all. take care x").risk.level in ("none", "low")
    after_plan = pipeline.assess_risk("love you all. take care x", context_level="imminent").risk.level
    assert after_plan in ("high", "imminent"), after_plan


class _FixedHead:
    """A head that reads every whole message as imminent and every sentence as `sentence`."""

    def __init__(self, sentence: list[float]) -> None:
        self.sentence = sentence

    def proba(self, dense, sparse):  # noqa: ANN001, ANN201 - the LinearHead interface
        import numpy as np
        return np.asarray([0.0, 0.0, 0.0, 0.0, 1.0])

    def proba_many(self, dense, sparse):  # noqa: ANN001, ANN201
        import numpy as np
        return np.tile(np.asarray(self.sentence), (len(dense), 1))


def test_a_long_message_the_model_alone_flags_needs_one_sentence_that_reads_so_too() -> None:
    from attunement.analysers.risk import HEAD_ALONE_LONG_WORDS, RiskModel

    long_post = " ".join(["Loaded at the depot at six and sat in the queue for two hours again."] * 6)
    assert len(long_post.split()) >= HEAD_ALONE_LONG_WORDS
    short_post = "Loaded at the depot at six and sat in the queue for two hours again."
    calm = RiskModel(_FixedHead([0.9, 0.1, 0.0, 0.0, 0.0]))
    assert calm.assess(long_post).level == "none"  # no sentence carries what the whole reading claims
    assert calm.assess(short_post).level == "imminent"  # a short message is read whole, as before
    worried = RiskModel(_FixedHead([0.0, 0.0, 0.2, 0.3, 0.5]))
    assert worried.assess(long_post).level == "imminent"  # a sentence reads >= high: the whole reading stands


@pytest.mark.parametrize("answer", ["jk forget it lol im fine", "seriously im fine. just tired. dont make it a thing"])
def test_a_bare_retraction_after_active_ideation_stays_moderate(pipeline: Pipeline, answer: str) -> None:
    # the guide: a bare retraction after high or imminent is moderate; the model alone may not re-read it higher
    later = pipeline.assess_risk(answer, context_level="imminent")
    assert later.risk.level == "moderate"
    later = pipeline.assess_risk(answer, context_level="high")
    assert later.risk.level == "moderate"


def test_an_alarm_explained_as_a_line_from_a_script_resets_the_conversation(pipeline: Pipeline) -> None:
    alarm = pipeline.assess_risk("i have the pills ready and tonight i end it")
    assert alarm.risk.level == "imminent"
    explained = pipeline.assess_risk("omg wrong chat!! that's Nora's line from the play we're rehearsing, not me",
                                     context_level=alarm.risk.context_after)
    assert explained.risk.level in ("none", "low")
    later = pipeline.assess_risk("anyway the rehearsal schedule is killing me, see you all on Sunday",
                                 context_level=explained.risk.context_after)
    assert later.risk.level in ("none", "low")


def test_a_short_answer_naming_a_day_after_active_ideation_is_a_plan(pipeline: Pipeline) -> None:
    answer = pipeline.assess_risk("my cousin can still get me more of them. saturday when my mum is at work",
                                  context_level="high")
    assert answer.risk.level == "imminent"


def test_a_thought_of_a_method_after_a_passive_wish_is_high_not_a_plan(pipeline: Pipeline) -> None:
    later = pipeline.assess_risk("these past nights i keep thinking about swallowing all my tablets", context_level="moderate")
    assert later.risk.level == "high"


def test_a_bare_yes_after_a_plan_keeps_it_imminent(pipeline: Pipeline) -> None:
    plan = pipeline.assess_risk("I've got the rope in the garage and it's tonight")
    assert plan.risk.level == "imminent" and plan.risk.context_after == "imminent"
    yes = pipeline.assess_risk("yes", context_level=plan.risk.context_after)
    assert yes.risk.level == "imminent"


def test_what_a_message_passes_on_to_the_next(pipeline: Pipeline) -> None:
    from attunement.analysers.risk import RuleFinding, context_after
    # a level the model alone read, with no cue of the writer's own, passes on as moderate at most
    assert context_after(4, RuleFinding(level=0, own_level=0), 0) == 2
    assert context_after(4, RuleFinding(level=3, own_level=3), 0) == 4  # the rules found high: the model's raise counts
    assert context_after(1, RuleFinding(level=1, own_level=1), 3) == 3  # the earlier risk stays in view
    assert context_after(0, RuleFinding(explained=True), 4) == 0  # an alarm explained is set aside


def test_an_alarm_explained_with_an_ordinary_meaning_is_set_aside(pipeline: Pipeline) -> None:
    first = pipeline.assess_risk("that's it. i'm done. ending it tonight.")
    assert first.risk.level == "imminent"
    explained = pipeline.assess_risk("lol sorry that came out so dramatic, i meant ending things with my landlord, the lease is up",
                                     context_level=first.risk.context_after)
    assert explained.risk.level in ("none", "low") and explained.risk.context_after in ("none", "low")
    later = pipeline.assess_risk("anyway flat viewing tomorrow, who's coming?", context_level=explained.risk.context_after)
    assert later.risk.level in ("none", "low")


@pytest.mark.parametrize("answer", ["forget i said anything", "jk", "never mind. i'm fine", "not like that. i meant the bridge by the station"])
def test_a_retraction_without_an_ordinary_meaning_keeps_the_risk_in_view(pipeline: Pipeline, answer: str) -> None:
    first = pipeline.assess_risk("i'm going to kill myself tonight")
    later = pipeline.assess_risk(answer, context_level=first.risk.context_after)
    assert later.risk.context_after == "imminent"
    assert later.risk.level in ("moderate", "high", "imminent")


def test_an_ordinary_session_answer_after_a_model_alone_reading_is_no_disclosure(pipeline: Pipeline) -> None:
    from attunement.analysers.risk import RuleFinding, context_after
    passed = context_after(4, RuleFinding(level=0, own_level=0), 0)
    yes = pipeline.assess_risk("yes", context_level=RISK_LEVELS[passed])
    assert yes.risk.level in ("none", "low")
