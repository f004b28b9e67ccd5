"""`python -m medchat eval fidelity|safety|scorer|doctor|selection`: print quality figures.

See docs/evaluation.md (fidelity, safety, selection) and docs/evaluation-osce.md (scorer, doctor).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from medchat.config import get_settings


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "eval", help="measure quality: fidelity, safety, scorer, doctor, selection"
    )
    esub = parser.add_subparsers(dest="eval_command", required=True)
    fid = esub.add_parser("fidelity", help="patient simulator fidelity over personas")
    fid.add_argument("--personas", default=None, help="glob of persona files (default: all)")
    fid.add_argument("--limit", type=int, default=None, help="first N personas only")
    fid.add_argument("--model", default=None, help="model name (default: MEDCHAT_MODEL)")
    fid.add_argument("--concurrency", type=int, default=8)
    fid.add_argument(
        "--script",
        choices=("full", "off-case", "present"),
        default="full",
        help="full history script (default), only the opening and the off-case questions, or "
        "only the opening and the labelled questions about case facts",
    )
    fid.add_argument(
        "--probe-source",
        "--off-case-source",
        dest="probe_source",
        action="append",
        default=[],
        help="ask only the labelled questions of this probe source (repeatable; default: all, "
        "e.g. fresh_0512 for the set the selector was last measured on blind)",
    )
    fid.add_argument("--out", type=Path, default=None, help="write full JSON results here")
    fid.set_defaults(func=_fidelity)
    saf = esub.add_parser("safety", help="PII scrubber and safety filter figures")
    saf.add_argument(
        "--guard-model",
        default=None,
        help="also measure the filter with this model as the guard in the classifier's "
        "uncertainty band (for example qwen2.5-1.5b-instruct)",
    )
    saf.add_argument("--guard-backend", default=None, help="guard backend (default: auto)")
    saf.add_argument(
        "--guard-only", action="store_true", help="skip the PII and guard-less figures"
    )
    saf.set_defaults(func=_safety)
    sco = esub.add_parser("scorer", help="OSCE checklist matcher vs the annotated gold set")
    sco.add_argument("--split", choices=["dev", "test", "both"], default="both")
    sco.add_argument("--errors", action="store_true", help="list each transcript's mismatches")
    sco.add_argument("--out", type=Path, default=None, help="write JSON results here")
    sco.set_defaults(func=_scorer)
    doc = esub.add_parser("doctor", help="benchmark a model as the doctor in self-play")
    doc.add_argument("--personas", default="personas/authored/*.yaml", help="glob of cases")
    doc.add_argument("--max-turns", type=int, default=20, help="dialogue turns before the close")
    doc.add_argument(
        "--concurrency", type=int, default=1, help="episodes played at once (default 1)"
    )
    doc.add_argument("--runs", type=int, default=3, help="runs per persona (variant = run)")
    doc.add_argument("--model", default=None, help="doctor model (default: MEDCHAT_MODEL)")
    doc.add_argument("--backend", default=None, help="doctor backend: local, openai, fake")
    doc.add_argument("--patient-model", default=None, help="patient model (default: MEDCHAT_MODEL)")
    doc.add_argument("--patient-backend", default=None, help="patient backend (default: auto)")
    doc.add_argument("--limit", type=int, default=None, help="first N personas only")
    doc.add_argument(
        "--close-tokens",
        type=int,
        default=None,
        help="token budget of the doctor's close (default: at least 400)",
    )
    doc.add_argument(
        "--doctor-url",
        default=None,
        help="an external doctor: OpenAI-compatible base URL (…/v1) serving --model; it examines "
        "the cases through the patient API and is scored as it speaks (no engine repairs)",
    )
    doc.add_argument(
        "--patient-url",
        default=None,
        help="the patient API to examine (…/v1; key: MEDCHAT_API_KEY); default with "
        "--doctor-url: this machine's patients, in process",
    )
    doc.add_argument("--out", type=Path, default=Path("eval-doctor"), help="output directory")
    doc.add_argument(
        "--resume",
        action="store_true",
        help="keep the episodes OUT/episodes.jsonl already holds (each is written as it ends) "
        "and play only the rest",
    )
    doc.set_defaults(func=_doctor)
    sel = esub.add_parser("selection", help="fact selection vs the labelled probe set")
    sel.add_argument("--probes", type=Path, default=None, help="probe JSONL (default: bundled)")
    sel.add_argument("--limit", type=int, default=None, help="first N probes only")
    sel.add_argument("--misses", type=int, default=0, help="print the first N wrong/missed")
    sel.add_argument("--out", type=Path, default=None, help="write JSON results here")
    sel.add_argument(
        "--preamble",
        default="",
        help='say this before every probe question, as models do ("That sounds worrying.")',
    )
    sel.set_defaults(func=_selection)


def _fidelity(args: argparse.Namespace) -> int:
    from medchat.evaluation.fidelity import evaluate, off_case_sources
    from medchat.models import load_chat_model
    from medchat.personas.loader import PersonaRegistry

    unknown = set(args.probe_source) - off_case_sources()
    if unknown:
        print(
            f"unknown --probe-source {sorted(unknown)}; the probe sets have "
            f"{sorted(off_case_sources())}",
            file=sys.stderr,
        )
        return 2
    settings = get_settings()
    # Many personas queue for one model here: allow for the wait, not just one reply.
    settings = settings.model_copy(update={"turn_timeout_s": max(settings.turn_timeout_s, 1800)})
    personas = sorted(PersonaRegistry.from_paths(args.personas), key=lambda p: p.id)
    personas = personas[: args.limit] if args.limit else personas
    model_name = args.model or settings.model
    model = load_chat_model(settings, model=model_name)
    started = time.monotonic()
    result = evaluate(model, personas, args.concurrency, args.script, args.probe_source)
    seconds = time.monotonic() - started
    print(
        f"fidelity · model {model_name} · {result['personas']} personas · "
        f"{result['answers']} answers ({result['model_errors']} model errors) · {seconds:.0f} s"
        f" · script {args.script} ({result['off_case_questions']} off-case questions, "
        f"{result['probed_facts']} facts probed)"
    )
    print(f"  {'figure':<26} {'shown':>7} {'raw':>7}  goal (shown)")
    for key, goal in (
        ("slot_recall", ">= 0.90"),
        ("role_break_rate", "<= 0.01"),
        ("denied_answers", "= 0"),
        ("claimed_diagnoses", "= 0"),
        ("leakage_rate", "= 0"),
        ("invented_symptom_rate", "< 0.02"),
        ("off_case_plain_rate", ">= 0.95"),
        ("off_case_yes_answers", "= 0 (a yes to what the case lacks)"),
        ("probed_recall", "(probed facts said)"),
        ("probed_denied_answers", "= 0"),
        ("probed_contradicted_answers", "= 0 (a no beside the probed fact it says)"),
        ("unsupported_yes_answers", "= 0 (a yes that only repeats the question)"),
        ("unasked_disclosure_rate", ""),
        ("repaired_rate", "(regenerated once)"),
        ("fallback_rate", "(case words used)"),
        ("appended_rate", "(left-out fact appended)"),
    ):
        raw = result.get(f"raw_{key}")
        raw_text = (
            f"{raw:7.3f}" if isinstance(raw, float) else f"{raw:7}" if raw is not None else ""
        )
        value = result[key]
        shown = f"{value:7.3f}" if isinstance(value, float) else f"{value:7}"
        print(f"  {key:<26} {shown} {raw_text:>7}  {goal}")
    print(
        f"  slot recall counts {result['facts_due']} selected facts not told before; "
        f"{result['facts_retold_not_due']} selected again after an earlier answer told them"
    )
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"model": model_name, **result}, indent=2))
        print(f"  wrote {args.out}")
    return 0


def _safety(args: argparse.Namespace) -> int:
    from safety import evaluation

    if not args.guard_only:
        evaluation.run(out=sys.stdout, policy=get_settings().safety_policy)
    if args.guard_model:
        from medchat.dialogue.safety_guard import guard_chat_model
        from safety.devsets.safety_eval import evaluate_with_guard
        from safety.policy.guard import ModelGuard

        model = guard_chat_model(get_settings(), args.guard_model, args.guard_backend)
        evaluate_with_guard(ModelGuard(model), args.guard_model, sys.stdout)
    return 0


def _scorer(args: argparse.Namespace) -> int:
    from medchat.evaluation.scorer_eval import SPLITS, evaluate, load_gold

    splits = SPLITS if args.split == "both" else (args.split,)
    results = {}
    print("OSCE checklist matcher vs gold transcripts (micro over checklist items)")
    for split in splits:
        result = evaluate(load_gold(split))
        results[split] = result
        print(
            f"  {split:<5} {result['transcripts']:>3} transcripts  {result['items_expected']:>4} "
            f"expected items  precision {result['precision']:.3f}  recall {result['recall']:.3f}"
            f"  f1 {result['f1']:.3f}  (tp {result['tp']}, fp {result['fp']}, fn {result['fn']})"
        )
        if args.errors:
            for error in result["errors"]:
                print(f"    {error['id']}: +{error['false_pos']} -{error['false_neg']}")
    print("  goal: precision and recall >= 0.9; the test half is the honest figure")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=2))
        print(f"  wrote {args.out}")
    return 0


def _doctor(args: argparse.Namespace) -> int:
    from medchat.dialogue.wiring import guard_factory
    from medchat.errors import MedChatError
    from medchat.evaluation.doctor_bench import benchmark, table, write_outputs
    from medchat.models import load_chat_model
    from medchat.personas.loader import PersonaRegistry
    from medchat.store import SessionStore, connect

    if args.runs < 1 or args.max_turns < 2 or args.concurrency < 1:
        raise MedChatError(
            "--runs and --concurrency must be at least 1 and --max-turns at least 2."
        )
    settings = get_settings()
    # The close is what top-1/top-3 are read from: give its five sections room even when the
    # per-turn cap is short (a close cut off before SAFETY-NETTING does not parse).
    update: dict[str, object] = {
        "close_max_new_tokens": args.close_tokens or max(settings.close_tokens, 400)
    }
    if args.concurrency > 1:
        # Episodes share the model's batch: a close of 400 tokens among four streams on two
        # cores took over the 180 s turn limit (measured: every close of a first run timed out).
        update["turn_timeout_s"] = max(settings.turn_timeout_s, 300.0 * args.concurrency)
    settings = settings.model_copy(update=update)
    ids = PersonaRegistry.from_paths(args.personas).ids()
    ids = ids[: args.limit] if args.limit else ids
    doctor_name = args.model or settings.model
    patient_name = args.patient_model or settings.model
    if args.doctor_url or args.patient_url:
        return _doctor_over_api(args, settings, ids, doctor_name, patient_name)
    doctor = load_chat_model(settings, model=doctor_name, backend=args.backend)
    patient = load_chat_model(settings, model=patient_name, backend=args.patient_backend)
    store = SessionStore(connect(settings), settings.session_ttl_days)
    print(
        f"doctor benchmark · doctor {doctor_name} · patient {patient_name} · {len(ids)} personas"
        f" · {args.runs} run(s) · max {args.max_turns} turns"
    )
    started = time.monotonic()
    result = benchmark(
        settings,
        store,
        guard_factory(settings),
        doctor,
        patient,
        ids,
        args.runs,
        args.max_turns,
        progress=_progress,
        concurrency=args.concurrency,
        journal=_journal(args),
    )
    result.update(model=doctor_name, patient_model=patient_name)
    print(table(result["summary"]))
    paths = write_outputs(result, args.out)
    print(f"  {time.monotonic() - started:.0f} s · wrote " + ", ".join(str(p) for p in paths))
    return 0


def _doctor_over_api(args, settings, ids, doctor_name: str, patient_name: str) -> int:
    """`eval doctor --doctor-url/--patient-url`: the consultation goes through the patient API."""
    from medchat.errors import MedChatError
    from medchat.evaluation.doctor_api import HttpPatients, LocalPatients, benchmark
    from medchat.evaluation.doctor_bench import table, write_outputs
    from medchat.models import load_chat_model

    if args.doctor_url:
        cfg = settings.model_copy(update={"openai_base_url": args.doctor_url})
        doctor = load_chat_model(cfg, model=doctor_name, backend="openai")
    else:
        doctor = load_chat_model(settings, model=doctor_name, backend=args.backend)
    if args.patient_url:
        if settings.api_key is None:
            raise MedChatError("Set MEDCHAT_API_KEY to a key of the patient API at --patient-url.")
        patients = HttpPatients(args.patient_url, settings.api_key.get_secret_value())
        patient_name = args.patient_url
    else:
        from medchat.api.build import desk_and_keys
        from medchat.service.build import default_service, model_warmup

        cfg = settings.model_copy(update={"model": patient_name})
        warmup = model_warmup(cfg, patient_name).start()
        warmup.wait()
        patients = LocalPatients(desk_and_keys(cfg, default_service(cfg, warmup))[0])
    where = args.doctor_url or "in process"
    print(
        f"doctor benchmark over the patient API · doctor {doctor_name} ({where}) · patients "
        f"{patient_name} · {len(ids)} personas · {args.runs} run(s) · max {args.max_turns} turns"
    )
    started = time.monotonic()
    result = benchmark(
        doctor,
        patients,
        ids,
        args.runs,
        args.max_turns,
        settings.close_tokens,
        settings.turn_timeout_s,
        progress=_progress,
        concurrency=args.concurrency,
        journal=_journal(args),
    )
    result.update(model=doctor_name, patient_model=patient_name, over_api=True)
    print(table(result["summary"]))
    paths = write_outputs(result, args.out)
    print(f"  {time.monotonic() - started:.0f} s · wrote " + ", ".join(str(p) for p in paths))
    return 0


def _journal(args: argparse.Namespace) -> Path:
    """OUT/episodes.jsonl, emptied first unless --resume."""
    journal = args.out / "episodes.jsonl"
    journal.parent.mkdir(parents=True, exist_ok=True)
    if not args.resume:
        journal.write_text("", encoding="utf-8")
    else:
        from medchat.evaluation.doctor_bench import read_journal

        print(f"  resuming: {len(read_journal(journal))} episode(s) kept from {journal}")
    return journal


def _progress(e) -> None:
    m = e.metrics
    print(
        f"  run {e.run} {e.persona_id:<24} {e.verdict:<15} coverage {m['coverage']:.2f} "
        f"turns {m['doctor_turns']:.0f}  leading: {e.leading[:40]!r}  ({e.seconds:.0f} s)"
    )


def _selection(args: argparse.Namespace) -> int:
    from medchat.errors import MedChatError
    from medchat.evaluation import selection

    probes = selection.load_probes(args.probes)
    problems = selection.check_probes(probes)
    if problems:
        raise MedChatError("The probe file has bad labels:\n" + "\n".join(problems[:20]))
    probes = probes[: args.limit] if args.limit else probes
    probes = selection.with_preamble(probes, args.preamble)
    started = time.monotonic()
    results = selection.run(probes)
    seconds = time.monotonic() - started
    summary = selection.summarise(results)
    personas = len({p.persona_id for p in probes})
    print(
        f"fact selection · {len(probes)} probes · {personas} personas · k={selection.K} · "
        f"{seconds:.1f} s (micro over fact ids; acceptable ids neither right nor wrong)"
    )
    selection.table(summary)
    misses = selection.misses(results)
    for miss in misses[: args.misses]:
        print(
            f"  {miss['persona_id']} [{miss['style']}] {miss['question']!r}: "
            f"expected {miss['expected']} got {miss['selected']}"
        )
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"summary": summary, "misses": misses}, indent=2))
        print(f"  wrote {args.out}")
    return 0
