"""``briefgen schema``: JSON Schemas of the config and of brief.json, made
from the models themselves, so they cannot drift from what is read and written."""

from __future__ import annotations

from typing import Any

SCHEMA_VERSION = "1"  # brief.json's contract; raised when a field changes meaning or goes


def config_schema() -> dict[str, Any]:
    from briefgen.config import Config

    schema = Config.model_json_schema()
    schema["properties"].pop("base_dir", None)  # filled by the loader, never written
    schema["title"] = "briefgen config"
    return schema


def brief_schema() -> dict[str, Any]:
    from pydantic import TypeAdapter

    from briefgen.model import Brief

    schema = TypeAdapter(Brief).json_schema(mode="serialization")
    props = schema["properties"]
    # brief.json names the Bottom line's claims by id (Brief.to_dict).
    props["summary"] = {"type": "array", "items": {"type": "string"}, "title": "Summary",
                        "description": "ids of the key claims the summary leads with"}
    props["schema_version"] = {"const": SCHEMA_VERSION, "title": "Schema Version"}
    schema.setdefault("required", []).append("schema_version")
    schema["title"] = f"briefgen brief.json (schema_version {SCHEMA_VERSION})"
    return schema
