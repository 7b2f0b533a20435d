"""The flow loader: each broken flow is refused with the file, the step and the problem."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pytest

from companion.engine.flowspec import (
    END,
    FLOWS_DIR,
    MAX_RETRIES,
    NEXT,
    FlowError,
    load_flow,
    load_flows,
    parse_flow,
)
from companion.i18n.catalog import load_catalog

SOURCE = "test.toml"
HEAD = 'id = "test"\nstart = "first"\n'
ASK = '[steps.first]\nask = "q-first"\nanswer = "yes_no"\n'


def refused(text: str, known_messages: Collection[str] | None = None) -> FlowError:
    """The FlowError parse_flow raises for `text` (fails the test if it loads)."""
    with pytest.raises(FlowError) as caught:
        parse_flow(text, SOURCE, known_messages)
    return caught.value


def assert_names(error: FlowError, step: str | None, problem: str) -> None:
    """The error names the file, the step (when there is one) and the problem."""
    message = str(error)
    assert error.source == SOURCE
    assert message.startswith(SOURCE)
    assert error.step == step
    if step is not None:
        assert f"step {step!r}" in message
    assert problem in error.problem
    assert problem in message


def choice_step(choices: str) -> str:
    return HEAD + f'[steps.first]\nask = "q"\nanswer = "choice"\nchoices = {{ {choices} }}\n'


def test_a_well_formed_flow_loads_with_its_steps() -> None:
    """A small valid flow loads with its start, steps, targets and defaults."""
    flow = parse_flow(HEAD + ASK + 'next = "second"\n[steps.second]\nsay = "bye"\n', SOURCE)
    assert flow.id == "test"
    assert flow.start == "first"
    assert not flow.planned
    assert list(flow.steps) == ["first", "second"]
    assert flow.steps["first"].next == "second"
    assert flow.steps["first"].retries == 2
    assert flow.steps["second"].next == NEXT
    assert flow.message_ids() == {"q-first", "reask-yes_no", "bye"}


def test_invalid_toml_is_refused_naming_the_file() -> None:
    """Text that is not TOML is refused as such, naming the file."""
    error = refused('id = "test"\nstart = \n')
    assert_names(error, None, "not valid TOML")


def test_unknown_flow_key_is_refused() -> None:
    """A misspelt top-level key (`expires_after` for `expires_after_minutes`) is an error."""
    error = refused(HEAD + "expires_after = 30\n" + ASK)
    assert_names(error, None, "unknown key 'expires_after'")


def test_unknown_step_key_is_refused_naming_the_step() -> None:
    """A misspelt step key (`retry` for `retries`) is an error naming the step."""
    error = refused(HEAD + ASK + "retry = 1\n")
    assert_names(error, "first", "unknown key 'retry'")


def test_next_to_a_missing_step_is_refused() -> None:
    """A `next` naming no step is an error naming the step and the missing target."""
    error = refused(HEAD + ASK + 'next = "secnod"\n')
    assert_names(error, "first", "goes to 'secnod', which is not a step")


def test_branch_to_a_missing_step_is_refused() -> None:
    """A branch target naming no step is an error naming the step and the target."""
    error = refused(HEAD + ASK + 'branch = { yes = "nowhere" }\n')
    assert_names(error, "first", "goes to 'nowhere', which is not a step")


def test_start_naming_a_missing_step_is_refused() -> None:
    """A `start` that names no step is an error."""
    error = refused('id = "test"\nstart = "frist"\n' + ASK)
    assert_names(error, None, "start step 'frist' does not exist")


def test_unreachable_step_is_refused_naming_it() -> None:
    """A step no path reaches is an error naming that step."""
    error = refused(HEAD + ASK + '[steps.orphan]\nsay = "s"\n')
    assert_names(error, "orphan", "can never be reached")


def test_step_reached_only_from_an_unreachable_step_is_still_unreachable() -> None:
    """Reachability follows paths from the start, not merely any reference."""
    text = HEAD + ASK + '[steps.orphan]\nsay = "s"\nnext = "first"\n'
    assert_names(refused(text), "orphan", "can never be reached")


def test_missing_message_id_is_refused_naming_the_step_and_id() -> None:
    """An ask id missing from the catalog is an error naming the step and the id."""
    error = refused(HEAD + ASK, known_messages={"reask-yes_no"})
    assert_names(error, "first", "message id 'q-first' is not in the catalog")


def test_missing_reask_message_is_refused() -> None:
    """The re-ask an answer kind needs must be in the catalog too."""
    error = refused(HEAD + ASK, known_messages={"q-first"})
    assert_names(error, "first", "message id 'reask-yes_no' is not in the catalog")


def test_missing_end_message_is_refused() -> None:
    """The flow's end message must be in the catalog."""
    text = HEAD + 'end = "bye"\n' + ASK
    error = refused(text, known_messages={"q-first", "reask-yes_no"})
    assert_names(error, None, "message id 'bye' is not in the catalog")


def test_known_messages_all_present_loads() -> None:
    """With every id in the catalog the same flow loads."""
    flow = parse_flow(HEAD + ASK, SOURCE, known_messages={"q-first", "reask-yes_no"})
    assert flow.start == "first"


def test_overlapping_answer_words_between_choices_are_refused() -> None:
    """One word meaning two different choices is an error naming the word and both."""
    error = refused(choice_step('walk = ["walk", "stroll"], run = ["run", "Stroll"]'))
    assert_names(error, "first", "answer word 'stroll' means both 'walk' and 'run'")


@pytest.mark.parametrize("word", ["STOP", "stop", "Help", "info", "cancel", "start"])
def test_carrier_keyword_as_a_choice_word_is_refused(word: str) -> None:
    """STOP, HELP and the other carrier keywords can never be answer words."""
    error = refused(choice_step(f'a = ["{word}"], b = ["other"]'))
    assert_names(error, "first", f"carrier keyword {word.upper()!r} cannot be an answer")


@pytest.mark.parametrize("word", ["LOG", "goal", "Weight", "menu", "skip"])
def test_command_word_as_a_choice_word_is_refused(word: str) -> None:
    """LOG, GOAL and the other command words can never be answer words."""
    error = refused(choice_step(f'a = ["{word}"], b = ["other"]'))
    assert_names(error, "first", f"command word {word.upper()!r} cannot be an answer")


@pytest.mark.parametrize("word", ["pass", "Next"])
def test_skip_word_as_a_choice_word_is_refused(word: str) -> None:
    """Words the runner reads as SKIP ("pass", "next") could never be given as answers."""
    error = refused(choice_step(f'a = ["{word}"], b = ["other"]'))
    assert_names(error, "first", f"skip word {word.upper()!r} cannot be an answer")


def test_unknown_answer_kind_is_refused_listing_the_known_ones() -> None:
    """An answer kind the engine cannot read is an error that lists the kinds it can."""
    error = refused(HEAD + '[steps.first]\nask = "q"\nanswer = "mood"\n')
    assert_names(error, "first", "unknown answer kind 'mood'")
    assert "yes_no" in error.problem


def test_branch_on_a_value_the_answer_never_gives_is_refused() -> None:
    """A scale012 step cannot branch on "7": it only ever gives 0, 1 or 2."""
    text = HEAD + '[steps.first]\nask = "q"\nanswer = "scale012"\nbranch = { 7 = "end" }\n'
    assert_names(refused(text), "first", "branch on ['7'], which this answer never gives")


def test_branch_on_a_number_answer_is_refused() -> None:
    """An answer kind without branch values (hours) cannot branch at all."""
    text = HEAD + '[steps.first]\nask = "q"\nanswer = "hours"\nbranch = { 7 = "end" }\n'
    assert_names(refused(text), "first", "which this answer never gives")


def test_branch_on_values_the_answer_gives_loads() -> None:
    """A scale012 step may branch on "1" and a yes_no step on "no"."""
    text = (
        HEAD
        + '[steps.first]\nask = "q"\nanswer = "scale012"\nbranch = { 1 = "second" }\n'
        + '[steps.second]\nask = "q2"\nanswer = "yes_no"\nbranch = { no = "end" }\n'
    )
    flow = parse_flow(text, SOURCE)
    assert flow.steps["first"].branch == {"1": "second"}
    assert flow.steps["second"].branch == {"no": END}


def test_ask_without_answer_is_refused() -> None:
    """A step that asks must say what answer it expects."""
    error = refused(HEAD + '[steps.first]\nask = "q"\n')
    assert_names(error, "first", "asks something but names no answer kind")


def test_say_with_answer_is_refused() -> None:
    """A step that only says something cannot expect an answer."""
    error = refused(HEAD + '[steps.first]\nsay = "s"\nanswer = "yes_no"\n')
    assert_names(error, "first", "a say step takes no answer")


def test_step_with_both_ask_and_say_is_refused() -> None:
    """A step either asks or says, not both."""
    error = refused(HEAD + '[steps.first]\nask = "q"\nsay = "s"\nanswer = "yes_no"\n')
    assert_names(error, "first", "needs exactly one of ask or say")


def test_choice_answer_without_choices_is_refused() -> None:
    """answer = "choice" needs its choices, and only it takes them."""
    error = refused(HEAD + '[steps.first]\nask = "q"\nanswer = "choice"\n')
    assert_names(error, "first", "choices go with answer = 'choice'")


def test_both_start_and_planned_is_refused() -> None:
    """A flow cannot have a fixed start and also take a plan."""
    text = 'id = "test"\nstart = "first"\nplanned = true\n' + ASK + 'topic = "t"\n'
    assert_names(refused(text), None, "needs exactly one of start = <step> or planned = true")


def test_neither_start_nor_planned_is_refused() -> None:
    """A flow with no start and no plan could never begin."""
    text = 'id = "test"\n' + ASK
    assert_names(refused(text), None, "needs exactly one of start = <step> or planned = true")


def test_planned_flow_without_topics_is_refused() -> None:
    """A planned flow needs topic steps for a plan to name."""
    text = 'id = "test"\nplanned = true\n' + ASK
    assert_names(refused(text), None, "needs steps with a topic")


@pytest.mark.parametrize("retries", [MAX_RETRIES + 1, 10])
def test_retries_above_the_bound_are_refused(retries: int) -> None:
    """More re-asks than the bound would badger a person; the loader refuses it."""
    error = refused(HEAD + ASK + f"retries = {retries}\n")
    assert_names(error, "first", f"retries must be 0 to {MAX_RETRIES}")


def test_negative_retries_are_refused() -> None:
    """A negative retry count is refused."""
    error = refused(HEAD + ASK + "retries = -1\n")
    assert_names(error, "first", "retries must be a number of 0 or more")


@pytest.mark.parametrize("retries", [0, MAX_RETRIES])
def test_retries_at_the_bounds_load(retries: int) -> None:
    """0 and the maximum are both allowed."""
    flow = parse_flow(HEAD + ASK + f"retries = {retries}\n", SOURCE)
    assert flow.steps["first"].retries == retries


def test_unknown_closing_is_refused() -> None:
    """Only a closing the engine knows how to write is accepted."""
    error = refused(HEAD + 'closing = "party"\n' + ASK)
    assert_names(error, None, "unknown closing 'party'")


def test_flow_without_steps_is_refused() -> None:
    """A flow with no steps is refused."""
    assert_names(refused('id = "test"\nstart = "first"\n'), None, "has no [steps]")


def test_empty_save_key_is_refused() -> None:
    """An empty `save` would store answers under no name."""
    error = refused(HEAD + ASK + 'save = ""\n')
    assert_names(error, "first", "save must be a non-empty string")


def test_timeouts_and_expiry_are_read_in_minutes() -> None:
    """timeout_minutes and expires_after_minutes become timedeltas; expiry defaults to 12 h."""
    flow = parse_flow(
        HEAD + "expires_after_minutes = 90\n" + ASK + "timeout_minutes = 15\n", SOURCE
    )
    assert flow.expires_after.total_seconds() == 90 * 60
    assert flow.steps["first"].timeout is not None
    assert flow.steps["first"].timeout.total_seconds() == 15 * 60
    assert parse_flow(HEAD + ASK, SOURCE).expires_after.total_seconds() == 720 * 60
    assert parse_flow(HEAD + ASK, SOURCE).steps["first"].timeout is None


def test_revision_changes_when_the_text_changes() -> None:
    """Any edit to the file text (even a comment) gives a new revision; the same text, the same."""
    text = HEAD + ASK
    assert parse_flow(text, SOURCE).revision == parse_flow(text, "other.toml").revision
    assert parse_flow(text, SOURCE).revision != parse_flow(text + "# note\n", SOURCE).revision


def test_flow_keeps_its_text_for_storing_revisions() -> None:
    """Flow.source is the TOML text, so a stored revision can be parsed again."""
    text = HEAD + ASK
    flow = parse_flow(text, SOURCE)
    assert parse_flow(flow.source, "again").revision == flow.revision


def test_load_flow_names_the_file_path(tmp_path: Path) -> None:
    """Errors from a file on disk name its path."""
    path = tmp_path / "broken.toml"
    path.write_text(HEAD + ASK + 'next = "gone"\n', encoding="utf-8")
    with pytest.raises(FlowError) as caught:
        load_flow(path)
    assert caught.value.source == str(path)
    assert str(caught.value).startswith(str(path))


def test_duplicate_flow_id_across_files_is_refused(tmp_path: Path) -> None:
    """Two files with the same flow id are refused, naming the second file and the id."""
    (tmp_path / "a.toml").write_text(HEAD + ASK, encoding="utf-8")
    (tmp_path / "b.toml").write_text(HEAD + ASK, encoding="utf-8")
    with pytest.raises(FlowError) as caught:
        load_flows(tmp_path)
    assert caught.value.source == str(tmp_path / "b.toml")
    assert "flow id 'test' is used twice" in str(caught.value)


def test_load_flows_reads_every_toml_file_by_id(tmp_path: Path) -> None:
    """load_flows returns each *.toml flow keyed by id and ignores other files."""
    (tmp_path / "a.toml").write_text(HEAD + ASK, encoding="utf-8")
    (tmp_path / "b.toml").write_text(HEAD.replace('"test"', '"other"') + ASK, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a flow", encoding="utf-8")
    assert sorted(load_flows(tmp_path)) == ["other", "test"]


def test_shipped_flows_load_against_the_real_catalog() -> None:
    """Every flow in flows/ loads and every message it can send is in the English catalog."""
    catalog_ids = load_catalog().message_ids()
    flows = load_flows(FLOWS_DIR, catalog_ids)
    assert len(flows) == len(list(FLOWS_DIR.glob("*.toml")))
    assert {"checkin", "goal-review", "side-effects", "weigh-in"} <= set(flows)
    for flow in flows.values():
        assert flow.message_ids() <= catalog_ids


def test_an_unknown_effect_is_refused() -> None:
    """An answer may only set off effects the services know how to carry out."""
    text = HEAD + '[steps.first]\nask = "q"\nanswer = "yes_no"\neffects = { yes = "launch" }\n'
    assert_names(refused(text), "first", "unknown effect 'launch'")


def test_an_effect_on_a_value_the_answer_never_gives_is_refused() -> None:
    """An effect must hang on a value the step's answer can give."""
    text = HEAD + '[steps.first]\nask = "q"\nanswer = "yes_no"\neffects = { 7 = "erase" }\n'
    assert_names(refused(text), "first", "effect on ['7'], which this answer never gives")


def test_the_delete_me_flow_declares_its_erasure() -> None:
    """Erasure is declared in the flow's data, on the DELETE answer only."""
    step = load_flows()["delete-me"].steps["confirm"]
    assert step.effects == {"delete": "erase"}
