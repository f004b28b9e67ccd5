"""`python -m medchat serve`: the patient API on its own server, and `python -m medchat api-key`
to create, list and revoke its keys (docs/api.md)."""

from __future__ import annotations

import argparse
import signal

from medchat.config import get_settings


def register(sub: argparse._SubParsersAction) -> None:
    serve = sub.add_parser("serve", help="serve the patient API (OpenAI-compatible) on HTTP")
    serve.add_argument("--host", default=None, help="default: MEDCHAT_HOST")
    serve.add_argument("--port", type=int, default=None, help="default: MEDCHAT_PORT + 1")
    serve.set_defaults(func=run_serve)

    keys = sub.add_parser("api-key", help="create, list or revoke patient API keys")
    ksub = keys.add_subparsers(dest="action", required=True)
    create = ksub.add_parser("create", help="make a key (printed once; only its hash is kept)")
    create.add_argument("name")
    create.add_argument("--owner", help="who owns its sessions (default: api-NAME)")
    create.add_argument(
        "--rate", type=int, help="requests per minute (default: MEDCHAT_API_RATE_PER_MIN)"
    )
    ksub.add_parser("list", help="key names, owners and rates (never the keys)")
    revoke = ksub.add_parser("revoke", help="delete a key")
    revoke.add_argument("name")
    keys.set_defaults(func=run_keys)


def run_keys(args: argparse.Namespace) -> int:
    from medchat.api.keys import ApiKeys
    from medchat.store import connect

    keys = ApiKeys(connect(get_settings()))
    if args.action == "create":
        print(keys.create(args.name, args.owner, args.rate))
    elif args.action == "list":
        for name, key in keys.names().items():
            rate = key.rate_per_min or "default"
            print(f"{name}\towner={key.owner}\trate={rate}/min")
    else:
        keys.revoke(args.name)
        print(f"revoked {args.name}")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from medchat.api.build import api_app
    from medchat.service.build import default_service, model_warmup

    settings = get_settings()
    host = args.host or settings.host
    port = args.port or settings.port + 1
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop like Ctrl-C (see ui.app)
    warmup = model_warmup(settings).start()
    app = api_app(settings, default_service(settings, warmup))
    print(f"MedChat patient API on http://{host}:{port}/v1 (model: {settings.model})", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=5)
    return 0
