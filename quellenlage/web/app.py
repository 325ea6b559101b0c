"""The FastAPI app: a form, result pages that extend the HTML report, a history, a JSON API.

Safety: every page is rendered with Jinja2 autoescape; a strict Content-Security-Policy (no
script at all on our pages; the API docs' one inline script carries a nonce); the form is
protected by a double-submit CSRF token; request bodies are limited; errors become one line
(JSON `detail` for the API, a message on the page for people), never a stack trace.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
import secrets
from contextlib import asynccontextmanager
from datetime import timezone
from pathlib import Path

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from quellenlage import __version__
from quellenlage.errors import QuellenlageError
from quellenlage.ingest.fetch import Fetcher, FetchError
from quellenlage.ingest.text import MAX_BYTES, decode_bytes, looks_like_html
from quellenlage.render.html import TEMPLATES as REPORT_TEMPLATES
from quellenlage.render.html import render_html, report_context
from quellenlage.render.i18n import DEFAULT_UI_LANGUAGE, UI_LANGUAGES, accepted_language, i18n_environment, translations
from quellenlage.schema import Analysis, AnalysisRequest, AnalysisSummary
from quellenlage.web.service import AnalysisFailed, AnalysisService
from quellenlage.web.store import Store, Summary
from quellenlage.web.worker import AnalysisWorker

HERE = Path(__file__).parent
CSRF_COOKIE = "ql_csrf"
#: A 5 MB article plus the form's own bytes.
MAX_BODY = MAX_BYTES + 1_000_000
UPLOAD_SUFFIXES = (".html", ".htm", ".txt")
ID_PATTERN = re.compile(r"^[0-9a-f]{16}$")
CSP = ("default-src 'none'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
HISTORY_FIELDS = {"all": "title, site or speaker", "title": "title", "site": "site", "speaker": "speaker"}

log = logging.getLogger("quellenlage.web")


def _environment(language: str = DEFAULT_UI_LANGUAGE) -> Environment:
    """Our pages first, then the report's templates they extend; autoescape on everywhere; the
    labels in the UI language `language`."""
    return i18n_environment(ChoiceLoader([FileSystemLoader(HERE / "templates"), FileSystemLoader(REPORT_TEMPLATES)]), language)


def ui_language_of(request: Request, asked: str | None = None) -> str:
    """The UI language of a page: `?lang=de|en` (or a form's `lang`), else the browser's
    Accept-Language, else English."""
    asked = asked or request.query_params.get("lang")
    if asked in UI_LANGUAGES:
        return asked
    return accepted_language(request.headers.get("accept-language")) or DEFAULT_UI_LANGUAGE


class BodyLimit:
    """Refuse request bodies over `limit` bytes (413), by header and while streaming."""

    def __init__(self, app, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"")
        too_large = JSONResponse({"detail": f"request too large (limit {self.limit / 1e6:.0f} MB)"}, status_code=413)
        if declared.isdigit() and int(declared) > self.limit:
            return await too_large(scope, receive, send)
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _BodyTooLarge(self.limit)
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _BodyTooLarge:
            await too_large(scope, receive, send)


class _BodyTooLarge(HTTPException):
    """An HTTPException, so that FastAPI's body parsing passes it on as the 413 it is."""

    def __init__(self, limit: int = MAX_BODY) -> None:
        super().__init__(413, f"request too large (limit {limit / 1e6:.0f} MB)")


def _summary(s: Summary) -> AnalysisSummary:
    created = s.created_at if s.created_at.tzinfo else s.created_at.replace(tzinfo=timezone.utc)
    return AnalysisSummary(id=s.id, created_at=created.isoformat(timespec="seconds"), title=s.title, site=s.site,
                           url=s.url, input_kind=s.input_kind, quotes=s.n_quotes, speakers=s.speakers,
                           link=f"/a/{s.id}")


def _one_line(err: RequestValidationError) -> str:
    parts = []
    for e in err.errors():
        if e.get("type") == "json_invalid":
            parts.append("the request body is not valid JSON")
            continue
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query", "path"))
        parts.append(f"{where}: {e.get('msg', 'invalid')}" if where else e.get("msg", "invalid"))
    return "; ".join(parts) or "invalid request"


def create_app(db: str | None = None, fetcher: Fetcher | None = None, worker: AnalysisWorker | None = None) -> FastAPI:
    """The app over the database `db` (see `store.database_url`); the store is opened (and
    migrated) here, so a bad `--db` fails before the server starts."""
    store = Store(db)
    own_worker = worker is None  # a worker handed in (tests, several apps) is closed by its owner
    service = AnalysisService(store, worker or AnalysisWorker(), fetcher or Fetcher())
    envs = {language: _environment(language) for language in UI_LANGUAGES}

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        if own_worker:
            service.worker.close()
        store.close()

    app = FastAPI(
        title="Quellenlage",
        version=__version__,
        summary="Who says what, on whose authority, and who denies it: quotes, speakers and sources of German news.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.service = service
    app.add_middleware(BodyLimit)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    def page(name: str, request: Request, status: int = 200, ui: str | None = None, **context) -> HTMLResponse:
        token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
        language = ui_language_of(request, ui)
        if "title" in context and name == "error.html.j2":
            context["title"] = translations(language).gettext(context["title"])
        html = envs[language].get_template(name).render(csrf_token=token, version=__version__, **context)
        response = HTMLResponse(html, status_code=status)
        response.headers["Vary"] = "Accept-Language"
        if request.cookies.get(CSRF_COOKIE) != token:
            response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")
        return response

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"

    # --- errors: one line, never a traceback -------------------------------------------------

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, err: RequestValidationError):
        message = _one_line(err)
        if wants_json(request):
            return JSONResponse({"detail": message}, status_code=422)
        return page("error.html.j2", request, 422, title="Invalid request", message=message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException):
        if wants_json(request):
            return JSONResponse({"detail": err.detail}, status_code=err.status_code, headers=err.headers)
        title = "Not found" if err.status_code == 404 else "Error"
        return page("error.html.j2", request, err.status_code, title=title, message=str(err.detail))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, err: Exception):
        log.exception("unexpected error on %s", request.url.path)
        message = f"internal error ({type(err).__name__}); the server log has the details"
        if wants_json(request):
            return JSONResponse({"detail": message}, status_code=500)
        return page("error.html.j2", request, 500, title="Internal error", message=message)

    def run(**kwargs):
        """The service call, its expected failures as HTTP errors with a one-line detail."""
        try:
            return service.submit(**kwargs)
        except AnalysisFailed as err:
            raise HTTPException(422, str(err)) from None
        except FetchError as err:
            raise HTTPException(422, str(err)) from None
        except QuellenlageError as err:
            raise HTTPException(400, str(err)) from None

    def stored(analysis_id: str) -> Analysis:
        analysis = store.get(analysis_id) if ID_PATTERN.match(analysis_id) else None
        if analysis is None:
            raise HTTPException(404, f"no analysis with id {analysis_id[:40]!r}")
        return analysis

    # --- pages --------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request):
        return page("index.html.j2", request, recent=store.search(limit=8), error=None, url="", text="")

    @app.post("/analyze", include_in_schema=False)
    async def analyze_form(request: Request):
        """The start page's form (multipart: csrf_token, url, text, file); parsed here rather
        than by FastAPI so that a pasted article may be as large as an uploaded one."""
        try:
            form = await request.form(max_files=1, max_fields=10, max_part_size=MAX_BYTES)
        except HTTPException:
            raise
        except Exception as err:  # noqa: BLE001 - python-multipart's and Starlette's parse errors
            return page("error.html.j2", request, 400, title="Invalid form", message=f"the form could not be read: {err}")

        def field(name: str) -> str:
            value = form.get(name)
            return value if isinstance(value, str) else ""

        url, text = field("url"), field("text")
        cookie = request.cookies.get(CSRF_COOKIE, "")
        if not cookie or not hmac.compare_digest(cookie.encode(), field("csrf_token").encode()):
            return page("error.html.j2", request, 403, title="Form expired",
                        message="the form's security token is missing or stale: reload the start page and submit again")

        def again(status: int, error: str) -> HTMLResponse:
            return page("index.html.j2", request, status, ui=field("lang"), recent=[], error=error, url=url, text=text)

        html, name = None, None
        upload = form.get("file")
        if isinstance(upload, StarletteUploadFile) and upload.filename:
            name = Path(upload.filename).name
            data = await upload.read(MAX_BYTES + 1)
            try:
                if not name.lower().endswith(UPLOAD_SUFFIXES):
                    raise QuellenlageError(f"{name}: upload a .html or .txt file")
                if len(data) > MAX_BYTES:
                    raise QuellenlageError(f"{name}: too large for one article (limit {MAX_BYTES / 1e6:.0f} MB)")
                content = decode_bytes(data, name)
            except QuellenlageError as err:
                return again(400, str(err))
            if name.lower().endswith((".html", ".htm")) or looks_like_html(data):
                html = content
            elif text.strip():
                return again(400, "give only one input, not text and a file")
            else:
                text = content
        try:
            outcome = await run_in_threadpool(run, url=url, text=text, html=html, name=name)
        except HTTPException as err:
            return again(err.status_code, err.detail)
        asked = field("lang")  # the form's UI language goes along; without one the browser's applies
        return RedirectResponse(f"/a/{outcome.id}" + (f"?lang={asked}" if asked in UI_LANGUAGES else ""), status_code=303)

    @app.get("/a/{analysis_id}.json", include_in_schema=False)
    def download_json(analysis_id: str):
        analysis = stored(analysis_id)
        return Response(analysis.model_dump_json(indent=2) + "\n", media_type="application/json",
                        headers={"Content-Disposition": f'attachment; filename="quellenlage-{analysis_id}.json"'})

    @app.get("/a/{analysis_id}.html", include_in_schema=False)
    def download_report(request: Request, analysis_id: str):
        analysis = stored(analysis_id)
        return Response(render_html(analysis, ui_language_of(request)), media_type="text/html; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="quellenlage-{analysis_id}.html"'})

    @app.get("/a/{analysis_id}", response_class=HTMLResponse, include_in_schema=False)
    def show(request: Request, analysis_id: str):
        analysis = stored(analysis_id)
        return page("analysis.html.j2", request, analysis_id=analysis_id, **report_context(analysis, ui_language_of(request)))

    @app.get("/history", response_class=HTMLResponse, include_in_schema=False)
    def history(request: Request, q: str = Query("", max_length=200), field: str = Query("all"),
                page_no: int = Query(1, alias="page", ge=1, le=10_000)):
        field = field if field in HISTORY_FIELDS else "all"
        per_page = 50
        criteria = {"q": q} if field == "all" else {field: q}
        rows = store.search(**criteria, limit=per_page + 1, offset=(page_no - 1) * per_page)
        return page("history.html.j2", request, rows=rows[:per_page], q=q, field=field, fields=HISTORY_FIELDS,
                    page_no=page_no, more=len(rows) > per_page)

    @app.get("/static/report.css", include_in_schema=False)
    def report_css():
        return FileResponse(REPORT_TEMPLATES / "report.css", media_type="text/css")

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _mount_docs(app)

    # --- JSON API -----------------------------------------------------------------------------

    @app.post("/api/analyses", response_model=Analysis, status_code=201, tags=["analyses"],
              responses={200: {"description": "the same input was analysed before: the stored analysis"},
                         400: {"description": "bad input"}, 413: {"description": "body too large"},
                         422: {"description": "URL refused or not fetchable, or the analysis failed"}})
    def create_analysis(body: AnalysisRequest):
        """Analyse a URL, a text or an HTML page (exactly one) and store it; the analysis carries its `id`."""
        outcome = run(url=body.url, text=body.text, html=body.html)
        return JSONResponse(json.loads(outcome.analysis.model_dump_json()), status_code=201 if outcome.created else 200,
                            headers={"Location": f"/api/analyses/{outcome.id}"})

    @app.get("/api/analyses/{analysis_id}", response_model=Analysis, tags=["analyses"],
             responses={404: {"description": "no such analysis"}})
    def get_analysis(analysis_id: str):
        """A stored analysis by id."""
        return JSONResponse(json.loads(stored(analysis_id).model_dump_json()))

    @app.get("/api/analyses", response_model=list[AnalysisSummary], tags=["analyses"])
    def list_analyses(
        q: str = Query("", max_length=200, description="in title, site or speaker"),
        title: str = Query("", max_length=200),
        site: str = Query("", max_length=200),
        speaker: str = Query("", max_length=200, description="a speaker quoted in the article (part of the name)"),
        limit: int = Query(50, ge=1, le=500),
        offset: int = Query(0, ge=0),
    ):
        """Stored analyses, newest first; every filter matches case-insensitively anywhere in its field."""
        rows = store.search(q, title=title, site=site, speaker=speaker, limit=limit, offset=offset)
        return [_summary(r) for r in rows]

    return app


def _mount_docs(app: FastAPI) -> None:
    """Swagger UI from the files fastapi-offline ships (no CDN); its inline script gets a nonce."""
    import fastapi_offline

    assets = Path(fastapi_offline.__file__).parent / "static"
    app.mount("/docs-assets", StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs():
        nonce = secrets.token_urlsafe(16)
        page = get_swagger_ui_html(openapi_url=app.openapi_url, title="Quellenlage API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/docs-assets/favicon.png")
        html = page.body.decode("utf-8").replace("<script>", f'<script nonce="{nonce}">')
        csp = (f"default-src 'none'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; "
               "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'")
        return HTMLResponse(html, headers={"Content-Security-Policy": csp})
