"""Stored analyses: SQLAlchemy 2 on SQLite (default) or PostgreSQL, schema kept by Alembic.

An analysis is stored once per input: its id is derived from a hash of what was analysed
(the URL and the bytes it gave, or the text), so the same input finds the stored row and a
second insert of it collides on the primary key instead of making a copy. Title, site and
speaker names are kept case-folded beside the JSON so the history can be searched the same
way in both databases.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    create_engine,
    event,
    select,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, sessionmaker

from quellenlage.errors import QuellenlageError
from quellenlage.render.summary import header
from quellenlage.schema import Analysis

MIGRATIONS = Path(__file__).parent / "migrations"
ID_LENGTH = 16


class StoreError(QuellenlageError):
    """The database cannot be opened or migrated."""


class Base(DeclarativeBase):
    pass


class StoredAnalysis(Base):
    __tablename__ = "analyses"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    input_kind: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(Text, default="")
    site: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(Text, default="")
    title_key: Mapped[str] = mapped_column(Text, default="")
    site_key: Mapped[str] = mapped_column(Text, default="")
    n_quotes: Mapped[int] = mapped_column(Integer, default=0)
    document: Mapped[str] = mapped_column(Text)
    speakers: Mapped[list[StoredSpeaker]] = relationship(cascade="all, delete-orphan", lazy="selectin")


class StoredSpeaker(Base):
    __tablename__ = "speakers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    analysis_id: Mapped[str] = mapped_column(ForeignKey("analyses.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text, index=True)
    quotes: Mapped[int] = mapped_column(Integer, default=0)


@dataclass(frozen=True)
class Summary:
    """One history row."""

    id: str
    created_at: datetime
    title: str
    site: str
    url: str
    input_kind: str
    n_quotes: int
    speakers: list[str]


def input_id(kind: str, identity: str, content: bytes | str) -> str:
    """The id of an input: the same URL with the same bytes, or the same text, gives the same id."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    digest = hashlib.sha256(f"{kind}\0{identity}\0".encode("utf-8") + data).hexdigest()
    return digest[:ID_LENGTH]


def default_database_url() -> str:
    """A SQLite file under the user's data directory (created on first use)."""
    from platformdirs import user_data_path

    folder = user_data_path("quellenlage", appauthor=False)
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'quellenlage.db'}"


def database_url(value: str | None) -> str:
    """`--db` as given: a SQLAlchemy URL, `postgresql://…` (psycopg 3), or a path to a SQLite file."""
    if not value:
        return default_database_url()
    if "://" not in value:
        path = Path(value).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path.resolve()}"
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def _key(value: str | None) -> str:
    return " ".join((value or "").split()).casefold()


def _like(query: str) -> str:
    """A LIKE pattern matching `query` anywhere, with LIKE's own wildcards taken literally."""
    escaped = _key(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Store:
    """The analyses of one database; safe to share between threads (a session per call)."""

    def __init__(self, url: str | None = None) -> None:
        self.url = database_url(url)
        try:
            self.engine = self._engine(self.url)
            migrate(self.engine)
        except (ArgumentError, OperationalError, ImportError, ValueError) as err:
            raise StoreError(f"cannot open the database {make_url_safe(self.url)}: {str(err).splitlines()[0]}") from None
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @staticmethod
    def _engine(url: str) -> Engine:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

            @event.listens_for(engine, "connect")
            def _pragmas(dbapi_connection, _record) -> None:
                cursor = dbapi_connection.cursor()
                cursor.execute("PRAGMA foreign_keys=ON")
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.close()

            return engine
        return create_engine(url, pool_pre_ping=True)

    def close(self) -> None:
        self.engine.dispose()

    def get(self, analysis_id: str) -> Analysis | None:
        with self.sessions() as session:
            row = session.get(StoredAnalysis, analysis_id)
            return Analysis.model_validate_json(row.document) if row else None

    def add(self, analysis_id: str, input_kind: str, analysis: Analysis) -> bool:
        """Store `analysis` under `analysis_id`; False if that input was stored already."""
        analysis = analysis.model_copy(update={"id": analysis_id})
        counts: dict[str, int] = {}
        for quote in analysis.quotes:
            if quote.speaker:
                counts[quote.speaker.name] = counts.get(quote.speaker.name, 0) + 1
        title = analysis.meta.title or header(analysis).headline or analysis.text.strip().split("\n", 1)[0][:200]
        site = analysis.meta.site or ""
        row = StoredAnalysis(
            id=analysis_id,
            created_at=datetime.now(timezone.utc),
            input_kind=input_kind,
            title=title,
            site=site,
            url=analysis.meta.url or "",
            title_key=_key(title),
            site_key=_key(site),
            n_quotes=len(analysis.quotes),
            document=analysis.model_dump_json(),
            speakers=[StoredSpeaker(name=n, name_key=_key(n), quotes=c) for n, c in counts.items()],
        )
        with self.sessions() as session:
            session.add(row)
            try:
                session.commit()
            except IntegrityError:
                session.rollback()
                return False
        return True

    def search(self, q: str = "", *, title: str = "", site: str = "", speaker: str = "",
               limit: int = 50, offset: int = 0) -> list[Summary]:
        """Newest first; `q` matches title, site or a speaker, the others only their field."""
        stmt = select(StoredAnalysis).order_by(StoredAnalysis.created_at.desc(), StoredAnalysis.id)
        speaker_match = lambda pattern: StoredAnalysis.id.in_(  # noqa: E731
            select(StoredSpeaker.analysis_id).where(StoredSpeaker.name_key.like(pattern, escape="\\")))
        if q.strip():
            pattern = _like(q)
            stmt = stmt.where(StoredAnalysis.title_key.like(pattern, escape="\\")
                              | StoredAnalysis.site_key.like(pattern, escape="\\")
                              | speaker_match(pattern))
        if title.strip():
            stmt = stmt.where(StoredAnalysis.title_key.like(_like(title), escape="\\"))
        if site.strip():
            stmt = stmt.where(StoredAnalysis.site_key.like(_like(site), escape="\\"))
        if speaker.strip():
            stmt = stmt.where(speaker_match(_like(speaker)))
        with self.sessions() as session:
            rows = session.scalars(stmt.limit(limit).offset(offset)).all()
            return [
                Summary(r.id, r.created_at, r.title, r.site, r.url, r.input_kind, r.n_quotes,
                        [s.name for s in sorted(r.speakers, key=lambda s: (-s.quotes, s.name))])
                for r in rows
            ]


def make_url_safe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema (Alembic scripts shipped in the package)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
