"""Records on the wire: pydantic models, the orjson codec, JSON Schema generation."""
