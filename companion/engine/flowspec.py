"""Flows as data: load a TOML flow, and refuse one that could strand or confuse a person.

A flow is structure only: named steps, what each asks (a message id), what answer it
expects (a parser kind), where it goes next, how often to re-ask, when it times out,
when the whole conversation expires, and how it ends. No user-facing text lives here.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from companion.engine.commands import RESERVED_WORDS
from companion.engine.reading.answers import ANSWER_KINDS, branch_values
from companion.engine.reading.parsing import CARRIER_KEYWORDS

FLOWS_DIR = Path(__file__).resolve().parents[2] / "flows"
END = "end"
NEXT = "next"  # the next step of the plan the conversation started with, else the end
# (the default; in a flow without a plan it simply ends the flow)
CLOSINGS = frozenset({"encouragement"})
MAX_RETRIES = 3
# Single words the runner reads as SKIP (runner.is_skip); a choice using one could never be given.
SKIP_WORDS = frozenset({"skip", "pass", "next"})

_FLOW_KEYS = frozenset({"id", "start", "planned", "expires_after_minutes", "end", "closing"})
_FLOW_KEYS |= {"steps", "description"}
_STEP_KEYS = frozenset({"ask", "say", "answer", "save", "retries", "reask", "next", "branch"})
_STEP_KEYS |= {"timeout_minutes", "topic", "choices", "effects"}
# What an answer may set off beyond the conversation, carried out by the services.
EFFECTS = frozenset({"erase"})


class FlowError(ValueError):
    """A flow file is broken: the message names the file, the step and the problem."""

    def __init__(self, source: str, step: str | None, problem: str) -> None:
        where = f"{source}: step {step!r}" if step else source
        super().__init__(f"{where}: {problem}")
        self.source, self.step, self.problem = source, step, problem


@dataclass(frozen=True)
class Step:
    """One step: ask something and wait for an answer, or just say something."""

    name: str
    ask: str | None = None
    say: str | None = None
    answer: str | None = None
    save: str | None = None
    retries: int = 2
    reask: str | None = None
    next: str = NEXT
    branch: Mapping[str, str] = field(default_factory=dict)
    timeout: timedelta | None = None
    topic: str | None = None
    choices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    effects: Mapping[str, str] = field(default_factory=dict)  # answer value -> effect

    @property
    def reask_id(self) -> str:
        """The message that says what answer is needed and asks again."""
        return self.reask or f"reask-{self.answer}"


@dataclass(frozen=True)
class Flow:
    """A whole conversation. `planned` flows take their step order from the caller."""

    id: str
    revision: str
    source: str
    steps: Mapping[str, Step]
    start: str | None
    planned: bool
    expires_after: timedelta
    end: str | None
    closing: str | None

    def message_ids(self) -> set[str]:
        """Every message id the flow can send."""
        ids = {self.end} if self.end else set()
        for step in self.steps.values():
            ids |= {i for i in (step.ask, step.say) if i}
            if step.answer:
                ids.add(step.reask_id)
        return ids


def load_flow(path: Path, known_messages: Collection[str] | None = None) -> Flow:
    """Read and validate one flow file.

    Raises:
        FlowError: naming the file, the step and the problem.
    """
    return parse_flow(path.read_text(encoding="utf-8"), str(path), known_messages)


def load_flows(
    directory: Path = FLOWS_DIR, known_messages: Collection[str] | None = None
) -> dict[str, Flow]:
    """Every `*.toml` flow in `directory`, by id, all validated."""
    flows: dict[str, Flow] = {}
    for path in sorted(directory.glob("*.toml")):
        flow = load_flow(path, known_messages)
        if flow.id in flows:
            raise FlowError(str(path), None, f"flow id {flow.id!r} is used twice")
        flows[flow.id] = flow
    return flows


def parse_flow(text: str, source: str, known_messages: Collection[str] | None = None) -> Flow:
    """Validate a flow's TOML text (`source` names it in errors)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise FlowError(source, None, f"not valid TOML: {error}") from None
    _only_keys(data, _FLOW_KEYS, source, None)
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, dict) or not raw_steps:
        raise FlowError(source, None, "has no [steps]")
    steps = {name: _step(name, raw, source) for name, raw in raw_steps.items()}
    flow = Flow(
        id=_text(data, "id", source, None, required=True) or "",
        revision=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
        source=text,
        steps=steps,
        start=_text(data, "start", source, None),
        planned=bool(data.get("planned", False)),
        expires_after=timedelta(minutes=_number(data, "expires_after_minutes", source, None, 720)),
        end=_text(data, "end", source, None),
        closing=_text(data, "closing", source, None),
    )
    _check_flow(flow, source, known_messages)
    return flow


def _step(name: str, raw: object, source: str) -> Step:
    if not isinstance(raw, dict):
        raise FlowError(source, name, "must be a table")
    _only_keys(raw, _STEP_KEYS, source, name)
    branch = raw.get("branch", {})
    choices = raw.get("choices", {})
    effects = raw.get("effects", {})
    if not isinstance(effects, dict) or not all(isinstance(v, str) for v in effects.values()):
        raise FlowError(source, name, "effects must map answers to effect names")
    if not isinstance(branch, dict) or not all(isinstance(v, str) for v in branch.values()):
        raise FlowError(source, name, "branch must map answers to step names")
    if not isinstance(choices, dict) or not all(isinstance(v, list) for v in choices.values()):
        raise FlowError(source, name, "choices must map each value to a list of words")
    timeout = raw.get("timeout_minutes")
    timeout_minutes = _number(raw, "timeout_minutes", source, name, 0)
    return Step(
        name=name,
        ask=_text(raw, "ask", source, name),
        say=_text(raw, "say", source, name),
        answer=_text(raw, "answer", source, name),
        save=_text(raw, "save", source, name),
        retries=int(_number(raw, "retries", source, name, 2)),
        reask=_text(raw, "reask", source, name),
        next=_text(raw, "next", source, name) or NEXT,
        branch={str(k): v for k, v in branch.items()},
        timeout=None if timeout is None else timedelta(minutes=timeout_minutes),
        topic=_text(raw, "topic", source, name),
        choices={str(k): tuple(str(w).casefold() for w in v) for k, v in choices.items()},
        effects={str(k): v for k, v in effects.items()},
    )


def _check_flow(flow: Flow, source: str, known_messages: Collection[str] | None) -> None:
    if flow.planned == (flow.start is not None):
        raise FlowError(source, None, "needs exactly one of start = <step> or planned = true")
    if flow.start is not None and flow.start not in flow.steps:
        raise FlowError(source, None, f"start step {flow.start!r} does not exist")
    if flow.closing is not None and flow.closing not in CLOSINGS:
        raise FlowError(source, None, f"unknown closing {flow.closing!r}")
    for step in flow.steps.values():
        _check_step(flow, step, source)
    _check_reachable(flow, source)
    if known_messages is not None:
        for message_id in sorted(flow.message_ids()):
            if message_id not in known_messages:
                user = _step_using(flow, message_id)
                raise FlowError(source, user, f"message id {message_id!r} is not in the catalog")


def _check_step(flow: Flow, step: Step, source: str) -> None:
    def fail(problem: str) -> FlowError:
        return FlowError(source, step.name, problem)

    if (step.ask is None) == (step.say is None):
        raise fail("needs exactly one of ask or say")
    if step.ask is not None and step.answer is None:
        raise fail("asks something but names no answer kind")
    if step.say is not None and (
        step.answer or step.save or step.branch or step.choices or step.effects
    ):
        raise fail("a say step takes no answer")
    if step.answer is not None and step.answer not in ANSWER_KINDS:
        raise fail(f"unknown answer kind {step.answer!r}; known: {', '.join(sorted(ANSWER_KINDS))}")
    if not 0 <= step.retries <= MAX_RETRIES:
        raise fail(f"retries must be 0 to {MAX_RETRIES}")
    if (step.answer == "choice") != bool(step.choices):
        raise fail("choices go with answer = 'choice', and it needs them")
    _check_choices(step, fail)
    for target in (step.next, *step.branch.values()):
        if target not in (END, NEXT) and target not in flow.steps:
            raise fail(f"goes to {target!r}, which is not a step")
    if (step.branch or step.effects) and step.answer:
        allowed = branch_values(step.answer, step.choices)
        for what, values in (("branch", step.branch), ("effect", step.effects)):
            if unknown := sorted(set(values) - allowed):
                raise fail(f"{what} on {unknown}, which this answer never gives")
    for effect in sorted(set(step.effects.values()) - EFFECTS):
        raise fail(f"unknown effect {effect!r}; known: {', '.join(sorted(EFFECTS))}")


def _check_choices(step: Step, fail: Any) -> None:
    seen: dict[str, str] = {}
    for value, words in step.choices.items():
        for word in words:
            if word.upper() in CARRIER_KEYWORDS:
                raise fail(f"carrier keyword {word.upper()!r} cannot be an answer")
            if word in RESERVED_WORDS:
                raise fail(f"command word {word.upper()!r} cannot be an answer")
            if word in SKIP_WORDS:
                raise fail(f"skip word {word.upper()!r} cannot be an answer")
            if word in seen and seen[word] != value:
                raise fail(f"answer word {word!r} means both {seen[word]!r} and {value!r}")
            seen[word] = value


def _check_reachable(flow: Flow, source: str) -> None:
    entries = [flow.start] if flow.start else [s.name for s in flow.steps.values() if s.topic]
    if not entries:
        raise FlowError(source, None, "a planned flow needs steps with a topic to start from")
    reached: set[str] = set()
    todo = list(entries)
    while todo:
        name = todo.pop()
        if name in reached or name in (END, NEXT):
            continue
        reached.add(name)
        step = flow.steps[name]
        todo.extend([step.next, *step.branch.values()])
    for name in flow.steps:
        if name not in reached:
            raise FlowError(source, name, "can never be reached")


def _step_using(flow: Flow, message_id: str) -> str | None:
    for step in flow.steps.values():
        if message_id in (step.ask, step.say) or (step.answer and step.reask_id == message_id):
            return step.name
    return None


def _only_keys(
    data: Mapping[str, object], allowed: frozenset[str], source: str, step: str | None
) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise FlowError(source, step, f"unknown key {unknown[0]!r}")


def _text(
    data: Mapping[str, object], key: str, source: str, step: str | None, *, required: bool = False
) -> str | None:
    value = data.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value:
        raise FlowError(source, step, f"{key} must be a non-empty string")
    return value


def _number(
    data: Mapping[str, object], key: str, source: str, step: str | None, default: float
) -> float:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise FlowError(source, step, f"{key} must be a number of 0 or more")
    return float(value)
