"""The patient API's HTTP routes (FastAPI): OpenAI's `/v1/models` and `/v1/chat/completions`,
plus MedChat's end-of-consultation call. `python -m medchat serve` runs them alone; the app
mounts the same router on its Gradio server.

Routes are plain `def`s: FastAPI runs them on its thread pool, so a turn that waits on the model
blocks one worker thread while the model layer batches the concurrent sessions together.
(No `from __future__ import annotations` here: FastAPI reads the routes' annotations, and the
key dependency is a closure it could not resolve from a string.)
"""

import json
import time
from collections.abc import Callable, Coroutine, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Header, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, Field

from medchat.api.errors import ApiError, from_medchat
from medchat.api.keys import ApiKey, ApiKeys
from medchat.api.patients import Message, PatientDesk, Reply
from medchat.errors import MedChatError
from medchat.log import get_logger

log = get_logger("api")

SESSION_HEADER = "X-MedChat-Session"


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: str
    content: str | list[dict[str, Any]] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):  # content parts: keep the text ones
            return "".join(str(p.get("text", "")) for p in self.content if p.get("type") == "text")
        return self.content or ""


class ChatRequest(BaseModel):
    """OpenAI's request body; sampling fields are accepted and ignored (the patient's model and
    decoding are the deployment's, so every caller meets the same patient)."""

    model_config = ConfigDict(extra="allow")
    model: str
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False
    user: str | None = Field(default=None, max_length=256)
    n: int = 1


class DiagnosisRequest(BaseModel):
    diagnosis: str = Field(min_length=1)
    differential: list[str] | str = Field(default_factory=list)


def create_router(desk: PatientDesk, keys: ApiKeys, default_rate: int) -> APIRouter:
    """The routes, bound to a desk (sessions, personas) and the key store."""
    router = APIRouter(prefix="/v1", route_class=ApiRoute)

    def caller(request: Request, authorization: Annotated[str | None, Header()] = None) -> ApiKey:
        scheme, _, token = (authorization or "").partition(" ")
        key = keys.check(token.strip()) if scheme.lower() == "bearer" else None
        if key is None:
            raise ApiError(
                401,
                "Missing or unknown API key: send `Authorization: Bearer <key>` "
                "(make one with `python -m medchat api-key create NAME`).",
                "invalid_api_key",
            )
        wait = keys.spend(key, key.rate_per_min or default_rate)
        if wait is not None:
            raise ApiError(
                429,
                f"Rate limit of {key.rate_per_min or default_rate} requests per minute reached "
                f"for key {key.name!r}; retry in {wait:.0f} s.",
                "rate_limit_exceeded",
                "rate_limit_error",
                headers={"Retry-After": str(max(1, round(wait)))},
            )
        request.state.key = key.name
        return key

    Caller = Annotated[ApiKey, Depends(caller)]

    @router.get("/models")
    def models(key: Caller) -> dict:
        return {"object": "list", "data": [_model(m) for m in desk.models()]}

    @router.get("/models/{name:path}")
    def model(name: str, key: Caller) -> dict:
        desk.parse_model(name)  # 404 for an unknown one
        return _model(name)

    @router.post("/chat/completions")
    def chat(
        body: ChatRequest,
        key: Caller,
        session: Annotated[str | None, Header(alias=SESSION_HEADER)] = None,
    ) -> Any:
        if body.n != 1:
            raise ApiError(
                400, "Only n=1 is supported: a patient answers once.", "invalid_n", param="n"
            )
        _ready(desk)
        messages = [Message(m.role, m.text()) for m in body.messages]
        conv, text, retry = desk.open(key.owner, body.model, messages, session, body.user)
        headers = {SESSION_HEADER: conv.meta.id}
        events = desk.turn(conv, text, retry)
        if not body.stream:
            reply = desk.reply(conv, events, retry)
            desk.remember(key.owner, messages, reply)
            return JSONResponse(_completion(body.model, reply), headers=headers)
        stream = _sse(desk, key.owner, body.model, messages, conv, events, retry)
        return StreamingResponse(stream, media_type="text/event-stream", headers=headers)

    @router.post("/medchat/sessions/{session_id}/diagnosis")
    def diagnosis(session_id: str, body: DiagnosisRequest, key: Caller) -> dict:
        differential = (
            [body.differential] if isinstance(body.differential, str) else body.differential
        )
        return desk.finish(key.owner, session_id, body.diagnosis, differential)

    @router.get("/medchat/sessions/{session_id}")
    def transcript(session_id: str, key: Caller) -> dict:
        return desk.transcript(key.owner, session_id)

    return router


class ApiRoute(APIRoute):
    """Every route answers its own errors in OpenAI's shape and logs one `api_request` event,
    so the router works the same on its own server and mounted on the app's (whose exception
    handlers and middleware are Gradio's, and fixed once it has started)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def answer(request: Request) -> Response:
            started = time.perf_counter()
            try:
                response = await handler(request)
            except ApiError as exc:
                response = _error(exc)
            except MedChatError as exc:
                response = _error(from_medchat(exc))
            except RequestValidationError as exc:
                response = _error(_invalid(exc))
            log.info(
                "api_request",
                method=request.method,
                route=self.path,
                status=response.status_code,
                key=getattr(request.state, "key", None),
                session=response.headers.get(SESSION_HEADER),
                ms=round((time.perf_counter() - started) * 1000, 1),
            )
            return response

        return answer


def _error(exc: ApiError) -> JSONResponse:
    return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)


def _invalid(exc: RequestValidationError) -> ApiError:
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ())[1:]) or None
    message = f"Invalid request: {first.get('msg', 'bad body')}" + (f" ({where})" if where else "")
    return ApiError(400, message, "invalid_request", param=where)


def create_app(desk: PatientDesk, keys: ApiKeys, default_rate: int) -> FastAPI:
    """The API alone, as `python -m medchat serve` runs it."""
    app = FastAPI(title="MedChat patient API", docs_url="/docs", redoc_url=None)
    app.include_router(create_router(desk, keys, default_rate))
    return app


# -- bodies ----------------------------------------------------------------------------------
def _model(name: str) -> dict:
    return {"id": name, "object": "model", "created": 0, "owned_by": "medchat"}


def _ready(desk: PatientDesk) -> None:
    warmup = desk.service.warmup()
    if warmup.status.error:
        raise ApiError(
            503,
            f"The patient model failed to load: {warmup.status.error}",
            "model_failed",
            "server_error",
        )
    if warmup.wait(timeout=0) is None:
        raise ApiError(
            503,
            f"The patient model is being prepared ({warmup.status.describe()}); retry shortly.",
            "model_loading",
            "server_error",
            headers={"Retry-After": "5"},
        )


def _completion(model: str, reply: Reply) -> dict:
    return {
        "id": f"chatcmpl-{reply.turn_id}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": reply.content},
                "finish_reason": reply.finish_reason,
            }
        ],
        "medchat": reply.extras(),
    }


def _sse(
    desk: PatientDesk,
    owner: str,
    model: str,
    messages: list[Message],
    conv: Any,
    events: Iterator[Any],
    retry: bool,
) -> Iterator[str]:
    """The reply as `chat.completion.chunk` events.

    The role chunk goes out at once; the text follows when the turn is done. The engine may
    retract a streamed draft and send its repair (see `agents.repair`), which a completion
    stream cannot express, so the API sends only the final, reviewed reply: a client never
    receives text the patient did not finally say."""
    created, chunk_id = int(time.time()), f"chatcmpl-{conv.meta.id}"

    def chunk(delta: dict, finish: str | None = None, **extra: Any) -> str:
        body = {
            "id": chunk_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            **extra,
        }
        return f"data: {json.dumps(body)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    try:
        reply = desk.reply(conv, events, retry)
    except ApiError as exc:
        yield f"data: {json.dumps(exc.body())}\n\n"
        return
    except MedChatError as exc:
        yield f"data: {json.dumps(from_medchat(exc).body())}\n\n"
        return
    desk.remember(owner, messages, reply)
    for piece in _pieces(reply.content):
        yield chunk({"content": piece})
    yield chunk({}, reply.finish_reason, medchat=reply.extras())
    yield "data: [DONE]\n\n"


def _pieces(text: str, size: int = 6) -> Iterator[str]:
    """The text in runs of `size` words, spacing kept, so clients render it as they would a
    streamed reply."""
    words = text.split(" ")
    for i in range(0, len(words), size):
        yield " ".join(words[i : i + size]) + (" " if i + size < len(words) else "")
