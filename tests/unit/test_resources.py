"""The resource directory: the shipped data, the loader's checks and tip choice."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from companion.engine.resources import (
    CATEGORIES,
    DIRECTORY_PATH,
    DIVERSE_GROUPS,
    LONDON_BOROUGHS,
    DirectoryError,
    Resource,
    load_directory,
    pick_tip,
)
from companion.sms.segments import is_gsm7

TODAY = date(2026, 11, 26)
GOOD_ENTRY = """
[[resource]]
id = "{id}"
name = "Walk Club"
offer = "Free short walks."
area = "Hackney"
category = "activity"
contact = "walk.example.org"
source = "https://walk.example.org/about"
last_checked = 2026-11-01
"""


def make(
    rid: str, area: str = "national", category: str = "activity", name: str = "Some Service"
) -> Resource:
    return Resource(
        id=rid,
        name=name,
        offer="Something useful.",
        area=area,
        category=category,
        contact="example.org",
        source="https://example.org",
        last_checked=TODAY,
    )


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "directory.toml"
    path.write_text(text, encoding="utf-8")
    return path


# --- the shipped directory ---------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> tuple[Resource, ...]:
    return load_directory(DIRECTORY_PATH, datetime.now(UTC).date())


def test_shipped_directory_loads_with_enough_entries(shipped: tuple[Resource, ...]) -> None:
    """The shipped file validates against today's date and has at least 30 entries."""
    assert len(shipped) >= 30


def test_shipped_directory_mixes_national_london_and_boroughs(
    shipped: tuple[Resource, ...],
) -> None:
    """There are at least 12 national, 8 London-wide and 10 borough entries over 5+ boroughs."""
    national = [r for r in shipped if r.area == "national"]
    london = [r for r in shipped if r.area == "london"]
    local = [r for r in shipped if r.area in LONDON_BOROUGHS]
    assert len(national) >= 12
    assert len(london) >= 8
    assert len(local) >= 10
    assert len({r.area for r in local}) >= 5


def test_shipped_directory_covers_every_category(shipped: tuple[Resource, ...]) -> None:
    """Every category someone can be interested in has at least one resource."""
    assert {r.category for r in shipped} == CATEGORIES


@pytest.mark.parametrize("borough", LONDON_BOROUGHS)
def test_every_london_area_has_nhs_and_community_entries_of_its_own(
    shipped: tuple[Resource, ...], borough: str
) -> None:
    """Each of the 33 areas has its mental health trust, a voice and advice of its own."""
    local = {r.category for r in shipped if r.area == borough and r.retired is None}
    assert {"mental-health", "advocacy", "money", "smoking"} <= local, borough


@pytest.mark.parametrize("group", DIVERSE_GROUPS)
def test_every_diverse_needs_group_has_a_resource(
    shipped: tuple[Resource, ...], group: str
) -> None:
    """Women, ethnic minorities, LGBTQ+, older, young, disabled, carers... each have one."""
    assert any(group in r.groups and r.retired is None for r in shipped), group


def test_every_entry_has_a_source_and_was_checked_within_a_year(
    shipped: tuple[Resource, ...],
) -> None:
    """No entry is older than a year or without the page it was checked against."""
    today = datetime.now(UTC).date()
    for r in shipped:
        assert r.source.startswith("https://"), r.id
        assert 0 <= (today - r.last_checked).days <= 365, r.id


def test_shipped_medicines_information_is_from_public_sources(
    shipped: tuple[Resource, ...],
) -> None:
    """Medicine entries point at the NHS, Mind and Choice and Medication, never a shop."""
    medicines = {r.contact for r in shipped if r.category == "medicines"}
    assert {"nhs.uk/medicines", "mind.org.uk", "choiceandmedication.org"} <= medicines


def test_shipped_directory_text_is_all_gsm7(shipped: tuple[Resource, ...]) -> None:
    """Every text field can go out as GSM-7, so no tip is forced into UCS-2."""
    for r in shipped:
        for text in (r.id, r.name, r.offer, r.area, r.category, r.contact, r.source):
            assert is_gsm7(text), (r.id, text)


def test_shipped_directory_has_no_crisis_lines(shipped: tuple[Resource, ...]) -> None:
    """Crisis lines are not tips: Samaritans and 116 123 never appear."""
    for r in shipped:
        assert "samaritans" not in f"{r.name} {r.contact} {r.source}".casefold()
        assert "116 123" not in r.contact


def test_directory_path_points_at_the_repository_file() -> None:
    """DIRECTORY_PATH is the repository's resources/directory.toml."""
    assert DIRECTORY_PATH.parts[-2:] == ("resources", "directory.toml")
    assert DIRECTORY_PATH.is_file()


def test_london_boroughs_are_the_32_boroughs_and_the_city() -> None:
    """The canonical list has 33 unique names with the official spellings."""
    assert len(set(LONDON_BOROUGHS)) == 33
    for name in ("Hammersmith and Fulham", "Kensington and Chelsea", "City of London"):
        assert name in LONDON_BOROUGHS
    assert "Richmond upon Thames" in LONDON_BOROUGHS
    assert "Kingston upon Thames" in LONDON_BOROUGHS
    assert "Barking and Dagenham" in LONDON_BOROUGHS


# --- loader validation -------------------------------------------------------


def test_a_valid_file_loads_into_resources(tmp_path: Path) -> None:
    """A well-formed entry becomes a Resource with a date, in file order."""
    path = write(tmp_path, GOOD_ENTRY.format(id="walk-a") + GOOD_ENTRY.format(id="walk-b"))
    loaded = load_directory(path, TODAY)
    assert [r.id for r in loaded] == ["walk-a", "walk-b"]
    assert loaded[0].last_checked == date(2026, 11, 1)
    assert loaded[0].area == "Hackney"


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ('area = "Hackney"', 'area = "Hackney"\nphone = "1"', "unknown keys ['phone']"),
        ('contact = "walk.example.org"\n', "", "missing keys ['contact']"),
        ('category = "activity"', 'category = "yoga"', "unknown category 'yoga'"),
        ('area = "Hackney"', 'area = "Hackny"', "unknown area 'Hackny'"),
        ('area = "Hackney"', 'area = "hackney"', "unknown area 'hackney'"),
        ('area = "Hackney"', 'area = "Manchester"', "unknown area 'Manchester'"),
        ('offer = "Free short walks."', 'offer = "Free walks \u2013 all welcome"', "GSM-7"),
        ('name = "Walk Club"', 'name = "Walk Club\u2019s"', "name has characters outside"),
        ('offer = "Free short walks."', f'offer = "{"x" * 91}"', "offer is 91 characters"),
        ('contact = "walk.example.org"', f'contact = "{"c" * 41}"', "contact is 41 characters"),
        ("last_checked = 2026-11-01", "last_checked = 2026-11-27", "in the future"),
        ("last_checked = 2026-11-01", 'last_checked = "2026-11-01"', "must be a date"),
        ('name = "Walk Club"', "name = 3", "name must be non-empty text"),
        ('name = "Walk Club"', 'name = "  "', "name must be non-empty text"),
        ('source = "https://walk.example.org/about"', 'source = "walk.example.org"', "full"),
    ],
)
def test_each_invalid_entry_names_file_id_and_problem(
    tmp_path: Path, old: str, new: str, problem: str
) -> None:
    """A bad entry fails the whole load with a message naming the file, the id and why."""
    text = GOOD_ENTRY.format(id="walk-club")
    assert old in text
    path = write(tmp_path, text.replace(old, new))
    with pytest.raises(DirectoryError) as caught:
        load_directory(path, TODAY)
    message = str(caught.value)
    assert str(path) in message
    assert "resource walk-club" in message
    assert problem in message


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ('groups = ["woman"]', "unknown groups ['woman']"),
        ('groups = "women"', "groups must be a list of names"),
        ('eligibility = ["pregnant"]', "unknown eligibility ['pregnant']"),
        ("retired = 2026-11-27", "retired 2026-11-27 is in the future"),
        ('retired = "yes"', "retired must be a date"),
    ],
)
def test_bad_optional_keys_name_the_problem(tmp_path: Path, extra: str, problem: str) -> None:
    """A misspelt group or eligibility, or a bad retired date, fails with the reason."""
    path = write(tmp_path, GOOD_ENTRY.format(id="walk-club") + extra + "\n")
    with pytest.raises(DirectoryError, match=re.escape(problem)):
        load_directory(path, TODAY)


def test_optional_keys_load(tmp_path: Path) -> None:
    """Groups, eligibility and a retired date are read into the resource."""
    extra = 'groups = ["carers"]\neligibility = ["age-under-26"]\nretired = 2026-11-20\n'
    loaded = load_directory(write(tmp_path, GOOD_ENTRY.format(id="walk") + extra), TODAY)[0]
    assert loaded.groups == ("carers",)
    assert loaded.eligibility == ("age-under-26",)
    assert loaded.retired == date(2026, 11, 20)


def test_duplicate_ids_are_rejected(tmp_path: Path) -> None:
    """Two entries with one id fail, naming the id."""
    path = write(tmp_path, GOOD_ENTRY.format(id="walk") + GOOD_ENTRY.format(id="walk"))
    with pytest.raises(DirectoryError, match=r"resource walk: duplicate id"):
        load_directory(path, TODAY)


def test_an_entry_without_an_id_is_named_by_its_index(tmp_path: Path) -> None:
    """With no id to name, the message gives the entry's position instead."""
    text = GOOD_ENTRY.format(id="first") + GOOD_ENTRY.format(id="x").replace('id = "x"\n', "")
    with pytest.raises(DirectoryError, match=r"resource #1: missing keys \['id'\]"):
        load_directory(write(tmp_path, text), TODAY)


def test_an_id_that_is_not_kebab_case_is_rejected(tmp_path: Path) -> None:
    """Ids are short kebab-case so they can be stored and compared safely."""
    path = write(tmp_path, GOOD_ENTRY.format(id="Walk Club"))
    with pytest.raises(DirectoryError, match=r"resource Walk Club: id 'Walk Club' is not"):
        load_directory(path, TODAY)


def test_broken_toml_names_the_file(tmp_path: Path) -> None:
    """A syntax error is reported as a DirectoryError that names the file."""
    path = write(tmp_path, '[[resource]]\nid = "unterminated\n')
    with pytest.raises(DirectoryError, match="cannot read the directory") as caught:
        load_directory(path, TODAY)
    assert str(path) in str(caught.value)


def test_unknown_top_level_keys_are_rejected(tmp_path: Path) -> None:
    """Anything other than [[resource]] tables at the top level is an error."""
    path = write(tmp_path, "version = 2\n" + GOOD_ENTRY.format(id="walk"))
    with pytest.raises(DirectoryError, match=r"unknown top-level keys \['version'\]"):
        load_directory(path, TODAY)


def test_an_entry_checked_today_is_accepted(tmp_path: Path) -> None:
    """Only dates after today count as the future."""
    text = GOOD_ENTRY.format(id="walk").replace("2026-11-01", "2026-11-26")
    assert load_directory(write(tmp_path, text), TODAY)[0].last_checked == TODAY


# --- choosing a tip ----------------------------------------------------------


DIRECTORY = (
    make("nat-walk", "national", "activity"),
    make("nat-smoke", "national", "smoking"),
    make("ldn-walk", "london", "activity"),
    make("ldn-sleep", "london", "sleep"),
    make("hackney-walk", "Hackney", "activity"),
    make("hackney-money", "Hackney", "money"),
    make("camden-walk", "Camden", "activity"),
)


def ids(directory: tuple[Resource, ...] = DIRECTORY) -> set[str]:
    return {r.id for r in directory}


@pytest.mark.parametrize("seed", range(20))
def test_borough_resource_in_an_interest_comes_first(seed: int) -> None:
    """A local resource in the person's interests beats London-wide and national ones."""
    tip = pick_tip(DIRECTORY, borough="Hackney", interests={"activity"}, already_sent=(), seed=seed)
    assert tip is not None
    assert tip.id == "hackney-walk"


@pytest.mark.parametrize("seed", range(20))
def test_wide_resource_in_an_interest_beats_local_outside_it(seed: int) -> None:
    """A London-wide or national match on interest beats a local non-match."""
    tip = pick_tip(DIRECTORY, borough="Hackney", interests={"sleep"}, already_sent=(), seed=seed)
    assert tip is not None
    assert tip.id == "ldn-sleep"


@pytest.mark.parametrize("seed", range(20))
def test_without_an_interest_match_local_comes_first(seed: int) -> None:
    """With no interest matched anywhere, a borough-local resource is chosen."""
    tip = pick_tip(DIRECTORY, borough="Hackney", interests={"dental"}, already_sent=(), seed=seed)
    assert tip is not None
    assert tip.area == "Hackney"


def test_borough_spelling_is_matched_without_case() -> None:
    """A borough typed in lower case still finds that borough's resources."""
    tip = pick_tip(DIRECTORY, borough=" hackney ", interests={"money"}, already_sent=(), seed=1)
    assert tip is not None
    assert tip.id == "hackney-money"


def test_never_repeats_until_every_candidate_was_sent() -> None:
    """Each week brings a new tip until all candidates are used, then the cycle restarts."""
    sent: list[str] = []
    for week in range(6):
        tip = pick_tip(
            DIRECTORY, borough="Hackney", interests={"activity"}, already_sent=sent, seed=week
        )
        assert tip is not None
        assert tip.id not in sent
        sent.append(tip.id)
    hackney_candidates = ids() - {"camden-walk"}
    assert set(sent) == hackney_candidates
    again = pick_tip(
        DIRECTORY, borough="Hackney", interests={"activity"}, already_sent=sent, seed=6
    )
    assert again is not None
    assert again.id == "hackney-walk"


def test_restart_chooses_among_all_candidates() -> None:
    """After a full cycle, different seeds can bring back different earlier tips."""
    everything = ids() - {"camden-walk"}
    chosen = {
        tip.id
        for seed in range(200)
        if (
            tip := pick_tip(
                DIRECTORY, borough="Hackney", interests=(), already_sent=everything, seed=seed
            )
        )
    }
    assert chosen == {"hackney-walk", "hackney-money"}


def test_stale_sent_ids_do_not_block_new_tips() -> None:
    """Ids no longer in the directory are ignored when deciding what is unsent."""
    tip = pick_tip(DIRECTORY, borough="Camden", interests=(), already_sent={"gone"}, seed=0)
    assert tip is not None
    assert tip.id == "camden-walk"


def test_same_seed_gives_the_same_tip() -> None:
    """The choice is reproducible for a given seed and input."""
    picks = {
        pick_tip(DIRECTORY, borough=None, interests=(), already_sent=(), seed=42) for _ in range(10)
    }
    assert len(picks) == 1


def test_different_seeds_spread_the_choice() -> None:
    """Across seeds, the choice within a tier varies instead of always taking the first."""
    picks = {
        tip.id
        for seed in range(100)
        if (tip := pick_tip(DIRECTORY, borough=None, interests=(), already_sent=(), seed=seed))
    }
    assert picks == {"nat-walk", "nat-smoke", "ldn-walk", "ldn-sleep"}


@pytest.mark.parametrize("borough", [None, "", "   "])
def test_unknown_borough_gets_london_and_national_only(borough: str | None) -> None:
    """Without a borough, tips come from London-wide and national resources, never local."""
    for seed in range(50):
        tip = pick_tip(
            DIRECTORY, borough=borough, interests={"activity"}, already_sent=(), seed=seed
        )
        assert tip is not None
        assert tip.id in {"nat-walk", "ldn-walk"}


@pytest.mark.parametrize("borough", ["Manchester", "Cardiff"])
def test_borough_outside_london_gets_national_only(borough: str) -> None:
    """Someone outside London is never sent a London-wide or London borough resource."""
    for seed in range(50):
        tip = pick_tip(DIRECTORY, borough=borough, interests={"sleep"}, already_sent=(), seed=seed)
        assert tip is not None
        assert tip.area == "national"


def test_another_boroughs_resource_is_never_chosen() -> None:
    """A Camden resident is never sent a Hackney resource, even after everything is sent."""
    camden = {"nat-walk", "nat-smoke", "ldn-walk", "ldn-sleep", "camden-walk"}
    for seed in range(50):
        for sent in ((), camden):
            tip = pick_tip(
                DIRECTORY, borough="Camden", interests={"money"}, already_sent=sent, seed=seed
            )
            assert tip is not None
            assert tip.id in camden


def test_nothing_to_send_gives_none() -> None:
    """An empty directory, or one with nothing for this person, gives None."""
    assert pick_tip((), borough="Hackney", interests=(), already_sent=(), seed=0) is None
    only_camden = (make("camden-walk", "Camden"),)
    assert pick_tip(only_camden, borough="Leeds", interests=(), already_sent=(), seed=0) is None


def test_pick_tip_works_on_the_shipped_directory(shipped: tuple[Resource, ...]) -> None:
    """A Lambeth resident interested in peer support gets the Lambeth peer group first."""
    tip = pick_tip(shipped, borough="Lambeth", interests={"peer-support"}, already_sent=(), seed=3)
    assert tip is not None
    assert tip.area == "Lambeth"
    assert tip.category == "peer-support"


def test_weekly_tips_never_send_restricted_or_retired_entries() -> None:
    """A pregnancy scheme, an under-26 service or a retired entry never comes unasked."""
    directory = (
        *DIRECTORY,
        replace(
            make("healthy-start", "national", "eating"), eligibility=("pregnancy-or-under-4s",)
        ),
        replace(make("young", "Hackney", "activity"), eligibility=("age-under-26",)),
        replace(make("gone", "Hackney", "activity"), retired=TODAY),
    )
    everything = ids(directory)
    for seed in range(30):
        for sent in ((), everything):
            tip = pick_tip(
                directory, borough="Hackney", interests={"eating"}, already_sent=sent, seed=seed
            )
            assert tip is not None
            assert tip.id not in {"start", "young", "gone"}


def test_resources_are_values() -> None:
    """Resources are frozen values that compare by content."""
    a = make("a")
    assert a == replace(a)
    with pytest.raises(AttributeError):
        a.id = "b"  # type: ignore[misc]
