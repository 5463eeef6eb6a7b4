"""What changed since the previous brief of the same config.

A daily build keeps the model of its last brief beside the outputs
(``.<name>.model.json``, written with them, all or none) and compares
today's with it: claims new and no longer carried, actors new, key figures
whose reading moved, open questions new and no longer asked. One claim
is the same when its speaker is and most of its content words are (a
claim's wording follows its sources, which change from day to day).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefgen.fuse.words import content_words
from briefgen.model import Brief, Changes

SAME_SPEAKER_SHARE = 0.6  # content words two wordings of one claim share, one speaker
ANY_SPEAKER_SHARE = 0.8  # ... when the speaker was named differently or not at all


def load_previous(path: Path) -> dict[str, Any] | None:
    """The previous brief's model, or None when there is none to compare with."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("key_claims"), list) else None


def _share(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _same_claim(a: dict[str, Any], b: dict[str, Any]) -> bool:
    share = _share(content_words(str(a.get("text", ""))), content_words(str(b.get("text", ""))))
    speakers = (str(a.get("speaker") or "").lower(), str(b.get("speaker") or "").lower())
    return share >= (SAME_SPEAKER_SHARE if speakers[0] == speakers[1] else ANY_SPEAKER_SHARE)


def _dicts(items: Any) -> list[dict[str, Any]]:
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def compare(previous: dict[str, Any], brief: Brief) -> Changes:
    now = brief.to_dict()
    old_claims, new_claims = _dicts(previous.get("key_claims")), _dicts(now["key_claims"])
    old_actors = {str(a.get("name", "")).lower() for a in _dicts(previous.get("actors"))}
    old_questions = {str(q.get("text", "")) for q in _dicts(previous.get("open_questions"))}
    new_questions = {q.text for q in brief.open_questions}

    def figures(model: dict[str, Any]) -> dict[tuple, str]:
        stories = _dicts(model.get("stories"))
        found = _dicts(stories[0].get("figures")) if stories else []
        return {(f.get("what"), f.get("unit"), f.get("of")): str(f.get("text", "")) for f in found}

    before, after = figures(previous), figures(now)
    return Changes(
        since=str(previous.get("generated_at", "")),
        new_claims=[c["id"] for c in new_claims if not any(_same_claim(c, o) for o in old_claims)],
        dropped_claims=[{"speaker": o.get("speaker"), "text": str(o.get("text", ""))}
                        for o in old_claims if not any(_same_claim(o, c) for c in new_claims)],
        new_actors=[a.id for a in brief.actors if a.name.lower() not in old_actors],
        figures=[{"what": key[0], "before": before[key], "now": text}
                 for key, text in after.items() if key in before and before[key] != text],
        new_questions=[q.id for q in brief.open_questions if q.text not in old_questions],
        settled_questions=[text for text in old_questions if text not in new_questions],
    )
