"""The model itself as JSON: the public contract downstream tools read."""

from __future__ import annotations

import json

from briefgen.inert import escape_json
from briefgen.render import RenderJob, register


@register("json", ".json")
def render_json(job: RenderJob) -> bytes:
    # Model order is kept: sources S1..Sn and claims by rank mean something.
    # default=str covers paths a config summary may hold.
    text = escape_json(json.dumps(job.brief.to_dict(), ensure_ascii=False, indent=2, default=str))
    return (text + "\n").encode("utf-8")
