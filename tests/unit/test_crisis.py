"""Unit tests for the crisis-language detector."""

from __future__ import annotations

import dataclasses
import random

import pytest

from companion.safety.crisis import CATEGORIES, CrisisSignal, _parse_rules, detect_crisis

SUICIDE = "suicide"
OVERDOSE = "overdose"
OTHERS = "harm_to_others"
SELF_HARM = "self_harm"
UNSAFE = "unsafe"
HOPELESS = "hopelessness"

MUST_TRIGGER: list[tuple[str, str]] = [
    # suicide
    ("I want to kill myself", SUICIDE),
    ("going to kil myself tonight", SUICIDE),
    ("i'm gonna kill my self", SUICIDE),
    ("thinking about killing myself", SUICIDE),
    ("kms", SUICIDE),
    ("ugh kms.", SUICIDE),
    ("I feel suicidal", SUICIDE),
    ("feeling really sucidal today", SUICIDE),
    ("having suicidal thoughts again", SUICIDE),
    ("I've been thinking about suicide", SUICIDE),
    ("I want to die", SUICIDE),
    ("i just wanna die", SUICIDE),
    ("i want 2 die", SUICIDE),
    ("I wish I was dead", SUICIDE),
    ("wish i could just die", SUICIDE),
    ("everyone would be better off if I was dead", SUICIDE),
    ("I'd be better off dead", SUICIDE),
    ("I want to end it all", SUICIDE),
    ("thinking of ending it all", SUICIDE),
    ("I'm going to end it tonight", SUICIDE),
    ("I have a plan to end my life", SUICIDE),
    ("I want to take my own life", SUICIDE),
    ("I don't want to be here anymore", SUICIDE),
    ("dont want to be here any more", SUICIDE),
    ("I don't want to live", SUICIDE),
    ("i no longer want to live", SUICIDE),
    ("I don't want to wake up tomorrow", SUICIDE),
    ("I want to go to sleep and never wake up", SUICIDE),
    ("I'm going to hang myself", SUICIDE),
    ("I want to jump off a bridge", SUICIDE),
    ("thinking of jumping off the multi storey", SUICIDE),
    ("I could step in front of a train", SUICIDE),
    ("going to unalive myself", SUICIDE),
    ("I want to slit my wrists", SUICIDE),
    ("I'm going to top myself", SUICIDE),
    ("someone please kill me", SUICIDE),
    ("i want to die lol", SUICIDE),
    ("wan 2 die", SUICIDE),
    ("suicidle thoughts", SUICIDE),
    ("this is goodbye", SUICIDE),
    ("thinking about throwing myself off the bridge", SUICIDE),
    ("I could just walk into the sea", SUICIDE),
    ("I've written a goodbye letter", SUICIDE),
    # overdose
    ("I took too many pills", OVERDOSE),
    ("took a whole box of paracetamol", OVERDOSE),
    ("I've taken 30 tablets", OVERDOSE),
    ("swallowed loads of my sleeping tablets", OVERDOSE),
    ("I'm going to take all my tablets at once", OVERDOSE),
    ("I think I took too many", OVERDOSE),
    ("I've taken an overdose", OVERDOSE),
    ("overdose", OVERDOSE),
    ("I od'd last night", OVERDOSE),
    ("gonna OD", OVERDOSE),
    ("I've been stockpiling my meds", OVERDOSE),
    ("I've been saving up my tablets", OVERDOSE),
    ("I overdosed on my tablets", OVERDOSE),
    # Accidental paracetamol overdose still needs urgent help: deliberately a trigger.
    ("I took too much paracetamol for my toothache", OVERDOSE),
    # "All my tablets" could be a whole supply; only adherence words rule it out.
    ("I took all my tablets", OVERDOSE),
    # harm to others
    ("I want to hurt someone", OTHERS),
    ("I'm going to kill him", OTHERS),
    ("I could murder my husband", OTHERS),
    ("I keep thinking about stabbing her", OTHERS),
    ("I want to hurt people", OTHERS),
    ("scared I'll harm my kids", OTHERS),
    ("gonna beat him up", OTHERS),
    ("gonna stab someone", OTHERS),
    ("i wana hurt sum1", OTHERS),
    # self-harm
    ("I cut myself last night", SELF_HARM),
    ("I've been cutting myself again", SELF_HARM),
    ("I want to hurt myself", SELF_HARM),
    ("I self harm", SELF_HARM),
    ("self-harming again", SELF_HARM),
    ("I burnt myself on purpose", SELF_HARM),
    ("I keep cutting my arms", SELF_HARM),
    ("I might do something stupid", SELF_HARM),
    # unsafe / abuse
    ("I'm not safe", UNSAFE),
    ("not safe", UNSAFE),
    ("I don't feel safe at home", UNSAFE),
    ("I can't keep myself safe", UNSAFE),
    ("cant keep myself safe tonight", UNSAFE),
    ("my partner hits me", UNSAFE),
    ("he's hurting me", UNSAFE),
    ("he threatened to kill me", UNSAFE),
    ("I'm scared to go home", UNSAFE),
    ("I was raped", UNSAFE),
    ("my dad hit me again", UNSAFE),
    ("I'm scared of him", UNSAFE),
    ("I feel unsafe", UNSAFE),
    ("not sure I can keep myself safe", UNSAFE),
    ("I'm in crisis", UNSAFE),
    # hopelessness
    ("there's no point living", HOPELESS),
    ("no point in going on", HOPELESS),
    ("what's the point of living", HOPELESS),
    ("everyone would be better off without me", HOPELESS),
    ("I can't go on", HOPELESS),
    ("cant go on like this", HOPELESS),
    ("I can't go on\nI'm so tired", HOPELESS),
    ("i cant go on im so tired", HOPELESS),
    ("I can't do this anymore", HOPELESS),
    ("I can't take it anymore", HOPELESS),
    ("I have nothing to live for", HOPELESS),
    ("I've lost the will to live", HOPELESS),
    ("life isn't worth living", HOPELESS),
    ("I'm a burden to everyone", HOPELESS),
    ("I feel so hopeless", HOPELESS),
    ("feeling worthless", HOPELESS),
    ("I've given up on life", HOPELESS),
    ("I'm tired of living", HOPELESS),
    ("I just want to disappear", HOPELESS),
    ("I just want it all to end", HOPELESS),
    ("nobody would miss me", HOPELESS),
    ("I hate myself", HOPELESS),
    ("I don't know if I can go on", HOPELESS),
    ("I've had enough of everything", HOPELESS),
]

MUST_NOT_TRIGGER: list[str] = [
    "I'm dying for a cup of tea",
    "dying for a cuppa",
    "killing it at the gym today",
    "this heat is killing me",
    "my feet are killing me",
    "I could murder a curry",
    "I nearly died laughing",
    "dead tired tonight",
    "I'm dead on my feet",
    "the battery died",
    "chocolate cake to die for",
    "just trying to kill time",
    "killed the spider in the bath",
    "I need to cut my hair",
    "trying to cut down on smoking",
    "going to cut the grass",
    "overdid it at the gym",
    "I'll hang the washing out",
    "I'll jump on the bus",
    "it's the end of my shift",
    "I'm done with the ironing",
    "I'm cutting back on sugar",
    "my plants are dying",
    "shoot, forgot my pills",
    "took my pills this morning",
    "took all my tablets today",
    "yes took all my meds on time",
    "I took 2 paracetamol for my headache",
    "I killed myself laughing",
    "kmsl that was so funny",
    "cut myself shaving",
    "hurt myself at the gym",
    "burnt myself on the oven",
    "that's odd",
    "slept badly, odd dreams",
    "my mum will kill me if I'm late",
    "I'll shoot him a text later",
    "don't want to hurt her feelings",
    "I'm hopeless at cooking",
    "the end of an era",
    "I'm so done with this weather",
    "I could eat a horse",
    "my knee hurts",
    "I hurt my back lifting boxes",
    "dead good walk today",
    "I'm knackered",
    "the dog nearly died of excitement",
    "walked 30 minutes today",
    "slept 7 hours",
    "BP 128 82",
    "84.2 kg",
    "13st 4lb",
    "had 3 pints, cheeky",
    "smoked 10 today",
    "SKIP",
    "STOP",
    "HELP",
    "dry mouth since the new tablets",
    "feeling a bit sick",
    "I feel safe now",
    "I'm safe thanks",
    "cut the onions",
    "I could kill for a bacon sandwich",
    "the gym was murder",
    "it's killing time before my appointment",
    "jump off the bus at the next stop",
    "I don't want to go to the gym",
    "I don't want to live in London",
    "there's no point in going to the shop today",
    "I can't go on Tuesday",
    "I can't do this crossword",
    "I want to die my hair",
    "dyeing my hair blue",
    "I'm cutting my toenails",
    "suede shoes",
    "take my life back into my own hands",
    "I want to take all my tablets with food",
    "throw myself a birthday party",
    "I shot myself in the foot there",
    "top myself up with coffee",
    "got attacked by a seagull",
    "rapeseed oil",
    "the cake is to die for",
    "I'm drowning in paperwork",
    "my phone is dead",
    "ending the week on a high",
    "OD on chocolate lol",
    "overdosed on chocolate this weekend",
    "I took my life savings out",
    "walked the dog for 30 mins, knees killing me",
    "I burned my hand on the oven",
    "I hurt my shoulder at the gym",
    "my partner beat me at scrabble again",
    "he hits the gym every day",
    "I'm scared of needles",
    "I can't make it, sorry",
    "I can't face the gym today",
    "I've given up smoking!",
    "I've had enough to eat",
    "I want the rain to stop",
    "He ended it with me last week",
    "I'm going to jump in the shower",
    "got the hang of it",
    "I'd kill for some sleep",
    "the wait is killing me",
    "I'm dying for the toilet",
    "not going to lie, I ate a whole cake",
    "what's the point of dieting",
    "no one cares about the weather",
    "I'm useless at cooking",
    "she'll kill me if I'm late",
    "cut myself some slack",
    "I killed her cactus",
    "my mum hurt her back",
    "I don't feel safe driving on these tablets",
    "it's not safe to drive on these meds",
    "I'm tired of this weather",
    "happy to carry on with the check-ins",
    "i'm alright, no thoughts of anything bad",
    "walked 5 kms today",
    "did a couple of kms on the bike",
    "olanzapine 10mg OD",
    "take one tablet OD at night",
    # Polish "od" (from, since) is not an overdose: it was, in every Polish reply we send.
    "Boli mnie głowa od rana",
    "śpię źle od tygodnia, od 0 do 10 to 4",
    "I'm not safe to drive on these tablets",
]

NEGATED: list[tuple[str, str]] = [
    ("I'm not going to kill myself", SUICIDE),
    ("I would never hurt myself", SELF_HARM),
    ("I'm not suicidal", SUICIDE),
    ("I don't want to die", SUICIDE),
    ("I haven't self harmed in a year", SELF_HARM),
    ("no thoughts of harming myself", SELF_HARM),
    ("I have no plans to end my life", SUICIDE),
    ("I wouldn't hurt anyone", OTHERS),
    ("I'm no longer suicidal", SUICIDE),
    ("I don't feel unsafe", UNSAFE),
    ("Im not gonna kill myself dont worry", SUICIDE),
    ("I didn't take an overdose", OVERDOSE),
    ("Don't worry I won't do anything stupid", SELF_HARM),
    ("I promise I won't hurt myself", SELF_HARM),
    ("no way I'd ever kill myself", SUICIDE),
    ("I don't think I'd kill myself", SUICIDE),
]

NOT_NEGATED: list[tuple[str, str]] = [
    ("I can't promise I won't hurt myself", SELF_HARM),
    ("I'm not sure I won't kill myself", SUICIDE),
    ("I'm not ok, I want to die", SUICIDE),
    ("not gonna lie I want to die", SUICIDE),
    ("why not just kill myself", SUICIDE),
    ("I'm not suicidal but I want to die", SUICIDE),
    ("I've never wanted to die so much", SUICIDE),
    ("I don't trust myself not to hurt myself", SELF_HARM),
    ("No I want to die", SUICIDE),
    ("I'm not ok. I want to kill myself", SUICIDE),
]


@pytest.mark.parametrize(("text", "category"), MUST_TRIGGER)
def test_crisis_phrasings_trigger_with_category(text: str, category: str) -> None:
    """Each crisis phrasing yields a non-negated signal of the expected category."""
    signal = detect_crisis(text)
    assert signal is not None, text
    assert (signal.category, signal.negated) == (category, False), text


@pytest.mark.parametrize("text", MUST_NOT_TRIGGER)
def test_everyday_phrases_do_not_trigger(text: str) -> None:
    """Everyday idioms and check-in answers produce no signal."""
    assert detect_crisis(text) is None, text


@pytest.mark.parametrize(("text", "category"), NEGATED)
def test_negated_phrasings_still_signal_as_negated(text: str, category: str) -> None:
    """A denial still returns a signal, marked negated, for a gentle check."""
    signal = detect_crisis(text)
    assert signal is not None, text
    assert (signal.category, signal.negated) == (category, True), text


@pytest.mark.parametrize(("text", "category"), NOT_NEGATED)
def test_hedged_or_unrelated_negation_is_not_a_denial(text: str, category: str) -> None:
    """Hedges, double negatives and negations in another clause do not mark negated."""
    signal = detect_crisis(text)
    assert signal is not None, text
    assert (signal.category, signal.negated) == (category, False), text


@pytest.mark.parametrize(
    "text",
    [
        "I WANT TO KILL MYSELF",
        "i   want    to   kill   myself",
        "I want to kill myself!!!",
        "I want... to kill myself",
        "I want to kill-myself",
        "i want to kiiiilllll myselfffff",
        "I want to kill 🔪 myself",
        "I ＷＡＮＴ to kill myself",
        "I want to\tkill    myself",
        "\x00I want to kill myself\x00",
        "I want to kill myslef",
        "I want to kil meself",
    ],
)
def test_case_spacing_symbols_and_typos_do_not_hide_a_crisis(text: str) -> None:
    """Case, whitespace, symbols, emoji, null bytes and typos still trigger."""
    signal = detect_crisis(text)
    assert signal is not None, repr(text)
    assert (signal.category, signal.negated) == (SUICIDE, False)


@pytest.mark.parametrize(
    "text",
    [
        "I don’t want to be here anymore",
        "I don't want to be here anymore",
        "I dont want to be here anymore",
    ],
)
def test_curly_straight_and_missing_apostrophes_match_alike(text: str) -> None:
    """Curly, straight and missing apostrophes are treated the same."""
    assert detect_crisis(text) == CrisisSignal(SUICIDE, False, "not_want_to_live")


def test_non_negated_signal_wins_over_a_negated_more_severe_one() -> None:
    """A later undenied phrase outranks an earlier denial in the same message."""
    signal = detect_crisis("I'm not going to kill myself. But I can't go on like this")
    assert signal == CrisisSignal(HOPELESS, False, "cant_go_on")


def test_more_severe_category_wins_when_both_are_undenied() -> None:
    """Suicide outranks hopelessness when a message has both."""
    signal = detect_crisis("I can't go on, I want to end my life")
    assert signal is not None
    assert signal.category == SUICIDE


def test_crisis_after_a_long_everyday_message_is_found() -> None:
    """A crisis phrase at the end of a long, otherwise everyday message still triggers."""
    text = "Slept 7 hours and walked to the park. " * 40 + "Honestly I want to die."
    assert detect_crisis(text) == CrisisSignal(SUICIDE, False, "want_to_die")


def test_signal_never_contains_message_text() -> None:
    """The pattern name is an internal label and never echoes the message."""
    text = "xqzv I want to hurt myself xqzv"
    signal = detect_crisis(text)
    assert signal is not None
    assert "xqzv" not in repr(signal)
    assert signal.pattern.isidentifier()


def test_every_category_is_declared() -> None:
    """The trigger table covers every declared category, and only those."""
    expected = {category for _, category in MUST_TRIGGER}
    assert expected == set(CATEGORIES)


@pytest.mark.parametrize(
    "table",
    [
        "suicidal_ideation kill_myself\n    kms",
        "suicide kill_myself\n     kms",
        "suicide kill_myself\n    kill \n    myself",
    ],
)
def test_malformed_rule_table_fails_at_import(table: str) -> None:
    """An unknown category or a pattern line with an edge space is rejected, not compiled."""
    with pytest.raises(ValueError, match="rule 'kill_myself'"):
        _parse_rules(table)


def test_signal_is_frozen() -> None:
    """A CrisisSignal cannot be altered after creation."""
    signal = CrisisSignal(SUICIDE, False, "kill_myself")
    with pytest.raises(dataclasses.FrozenInstanceError):
        signal.negated = True  # type: ignore[misc]


def test_empty_and_whitespace_messages_do_not_trigger() -> None:
    """Empty, whitespace-only and punctuation-only messages produce no signal."""
    assert [detect_crisis(t) for t in ["", "   ", "\n\t", "...!!!", "\x00"]] == [None] * 5


def test_random_unicode_and_long_inputs_do_not_raise() -> None:
    """Random unicode, null bytes, emoji and long inputs return a signal or None."""
    rng = random.Random(20240611)
    alphabet = "abcdefghijklmnopqrstuvwxyz '’.,!?|\x00\n\t😀🔪é́ßİ"
    pieces = ["kill", "myself", "not", "want", "die", "od", "self", "harm", "|", "'"]
    for size in (1, 10, 160, 1600, 20_000):
        for _ in range(5):
            chars = "".join(rng.choice(alphabet) for _ in range(size))
            words = " ".join(rng.choice(pieces) for _ in range(size // 4 + 1))
            codepoints = "".join(chr(rng.randrange(0x110000)) for _ in range(size))
            for text in (chars, words, codepoints.encode("utf-8", "replace").decode()):
                result = detect_crisis(text)
                assert result is None or result.category in CATEGORIES


def test_adversarial_repetition_does_not_raise() -> None:
    """Long runs of near-matches (backtracking bait) still return promptly."""
    baits = ["not " * 4000, "kill my " * 2000, "a" * 20_000, "don't want to " * 1000, "' " * 8000]
    for bait in baits:
        result = detect_crisis(bait + " x")
        assert result is None or result.category in CATEGORIES


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("chcę umrzeć", "suicide"),
        ("Nie chcę już żyć", "suicide"),
        ("zabiję się", "suicide"),
        ("mam myśli samobójcze", "suicide"),
        ("przedawkowałam leki", "overdose"),
        ("znowu tnę się", "self_harm"),
        ("nie chce mi się żyć", "suicide"),
        ("chciałabym umrzeć", "suicide"),
        ("powieszę się", "suicide"),
        ("zrobię sobie krzywdę", "self_harm"),
        ("nałykam się tabletek", "overdose"),
        ("nie jestem bezpieczna", "unsafe"),
        ("boję się go", "unsafe"),
        ("mąż mnie bije", "unsafe"),
        ("nie widzę sensu życia", "hopelessness"),
        ("nie wytrzymam już", "hopelessness"),
    ],
)
def test_polish_crisis_language_gets_signposting(text: str, category: str) -> None:
    """People who chose Polish are protected too: common Polish crisis phrases trigger."""
    signal = detect_crisis(text)
    assert signal is not None
    assert signal.category == category
    assert not signal.negated


@pytest.mark.parametrize(
    "text",
    [
        "umieram z głodu",
        "zabiję go za to spóźnienie",
        "chce mi się spać",
        "tak, spałem 7h",
        "nie czuję się bezpiecznie za kierownicą po lekach",
        "boję się dentysty",
    ],
)
def test_everyday_polish_does_not_trigger(text: str) -> None:
    """Everyday Polish ("I'm dying of hunger", "I'm sleepy") is not a crisis."""
    assert detect_crisis(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "my friend said she wants to die",
        "my brother keeps saying he wants to kill himself",
        "moja siostra mówi, że chce umrzeć",
        "my son is self harming what do i do",
    ],
)
def test_someone_elses_crisis_is_marked_about_someone_else(text: str) -> None:
    """Crisis language about another person is signposted for them, not as the sender's own."""
    signal = detect_crisis(text)
    assert signal is not None
    assert (signal.negated, signal.about_someone_else) == (False, True)


@pytest.mark.parametrize(
    "text",
    [
        "my mum says she wants to die and honestly me too",
        "my friend wants to die, so do i",
        "my mum said everyone would be better off without me",
        "i told my friend i want to die",
        "moja siostra chce umrzeć i ja też",
    ],
)
def test_the_senders_own_crisis_beside_someone_elses_is_their_own(text: str) -> None:
    """'Me too', 'without me' or the sender as subject make it the sender's own crisis."""
    signal = detect_crisis(text)
    assert signal is not None
    assert (signal.negated, signal.about_someone_else) == (False, False)


@pytest.mark.parametrize(
    "text",
    [
        "years ago i wanted to die but im much better now",
        "i used to self harm as a teen",
        "the song goes cant go on anymore its so catchy",
        "kilka lat temu chciałam umrzeć, teraz jest dobrze",
    ],
)
def test_long_past_or_quoted_crisis_language_gets_the_gentle_check(text: str) -> None:
    """A crisis long past and left behind, or a quote, is marked negated: the gentle check."""
    signal = detect_crisis(text)
    assert signal is not None
    assert signal.negated


@pytest.mark.parametrize(
    "text",
    [
        "years ago i wanted to die and now i want to again",
        "started cutting again after 2 years clean",
        "this song makes me want to die",
        "i used to self harm and i still do",
    ],
)
def test_a_past_that_is_back_or_a_song_that_hurts_is_the_senders_crisis(text: str) -> None:
    """'Again', 'still' or 'makes me' undo the distance: the full crisis reply."""
    signal = detect_crisis(text)
    assert signal is not None
    assert (signal.negated, signal.about_someone_else) == (False, False)


@pytest.mark.parametrize(
    "text",
    [
        "wouldnt mind if i never woke up",
        "it would be a relief if i wasnt here anymore",
        "death would be a relief right now",
        "i wish i could just evaporate",
        "chciałabym zasnąć i się nie obudzić",
        "dzisiaj się zabiję",
    ],
)
def test_paraphrases_of_known_meanings_trigger(text: str) -> None:
    """The concept layers catch wishes not to be alive that no lexicon phrase holds."""
    signal = detect_crisis(text)
    assert signal is not None
    assert (signal.negated, signal.about_someone_else) == (False, False)


@pytest.mark.parametrize(
    "text",
    [
        "i wish the noise would disappear",
        "i hope my plant doesnt die",
        "i hope i dont wake up with a headache again",
        "i want to disappear to the beach for a week",
        "i thought i was going to die on that run",
        "chcę zniknąć na weekend nad morze",
        "od tygodnia nie śpię dobrze",
    ],
)
def test_everyday_wishes_with_crisis_words_do_not_trigger(text: str) -> None:
    """A wish about something else, a holiday or a story told is not crisis language."""
    assert detect_crisis(text) is None


def test_someone_elses_crisis_gets_signposting_for_them() -> None:
    """The reply to a friend's crisis is the someone-else signposting, recorded as safety."""
    from companion.db.states import PersonStatus
    from companion.engine.decide import Situation, Text, decide

    outcome = decide(Situation(PersonStatus.ACTIVE), Text("my friend said she wants to die"))
    assert [reply.message_id for reply in outcome.replies] == ["crisis-someone-else"]
    assert outcome.safety is not None
    assert outcome.safety.about_someone_else


def test_a_paraphrase_at_the_end_of_the_longest_sms_is_found() -> None:
    """The concept tiers read past Twilio's 1,600-character limit, so no SMS is cut short."""
    text = ("Slept 7 hours and walked to the park. " * 42)[:1570] + " wouldnt mind not waking up"
    assert len(text) <= 1600
    signal = detect_crisis(text)
    assert signal is not None
    assert (signal.negated, signal.about_someone_else) == (False, False)
