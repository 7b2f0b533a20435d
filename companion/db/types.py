"""Column types: timezone-aware UTC datetimes on every backend, and named states."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import IntEnum, StrEnum
from typing import Any, Generic, TypeVar

from sqlalchemy import DateTime, SmallInteger, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC and always reads them back aware.

    SQLite has no time zone type; without this, values would come back naive.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """To the database: UTC (naive on SQLite, which has no time zones)."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """From the database: always aware, in UTC."""
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


S = TypeVar("S", bound=StrEnum)
R = TypeVar("R", bound=IntEnum)


class StateColumn(TypeDecorator[S], Generic[S]):
    """A `StrEnum` stored as its short string value, read back as the member."""

    impl = String(16)
    cache_ok = True

    def __init__(self, states: type[S]) -> None:
        super().__init__()
        self.states = states

    def process_bind_param(self, value: S | str | None, dialect: Dialect) -> str | None:
        """To the database: the member's value (an unknown state raises)."""
        return None if value is None else self.states(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> S | None:
        """From the database: the member."""
        return None if value is None else self.states(value)


class RankColumn(TypeDecorator[R], Generic[R]):
    """An `IntEnum` stored as a small integer, read back as the member."""

    impl = SmallInteger
    cache_ok = True

    def __init__(self, ranks: type[R]) -> None:
        super().__init__()
        self.ranks = ranks

    def process_bind_param(self, value: R | int | None, dialect: Dialect) -> int | None:
        """To the database: the member's number (an unknown rank raises)."""
        return None if value is None else int(self.ranks(value))

    def process_result_value(self, value: Any, dialect: Dialect) -> R | None:
        """From the database: the member."""
        return None if value is None else self.ranks(value)
