"""Every fixture, and every response the fake eInnsyn gives, conforms to eInnsyn's OpenAPI
description; the malformed record does not (that is what it is for)."""
from __future__ import annotations

import json
import urllib.request
from functools import lru_cache
from pathlib import Path

import jsonschema
import pytest
import yaml

from .fake_einnsyn import API_KEY, FakeEinnsyn, fixture_files, load, scale_world

SPEC = Path(__file__).parent / "spec" / "einnsyn.openapi.yml"


@lru_cache(maxsize=1)
def spec() -> dict:
    return yaml.safe_load(SPEC.read_text(encoding="utf-8"))


def validator(schema: dict) -> jsonschema.Draft4Validator:
    """OpenAPI 3.0 schemas are JSON Schema (draft 4 shape); refs resolve within the description."""
    return jsonschema.Draft4Validator({**schema, "components": spec()["components"]})


def entity_schema(entity: str) -> dict:
    return {"$ref": f"#/components/schemas/{entity}.{entity}"}


def response_schema(path: str) -> dict:
    return spec()["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]


def errors(instance, schema) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(schema).iter_errors(instance)]


@pytest.mark.parametrize("name", ["vaksdal.json", "vaksdal_update.json"])
def test_every_fixture_object_conforms(name):
    objects = load(name)
    assert objects
    for obj in objects:
        assert errors(obj, entity_schema(obj["entity"])) == [], obj["id"]


def test_the_generated_scale_fixtures_conform():
    objects, _ids = scale_world(3)
    for obj in objects:
        assert errors(obj, entity_schema(obj["entity"])) == [], obj["id"]


def test_the_malformed_record_does_not_conform():
    [bad] = load("malformed.json")
    found = errors(bad, entity_schema("Moetemappe"))
    assert any("'utvalg' is a required property" in e for e in found), found


def _get(url: str):
    request = urllib.request.Request(url, headers={"API-KEY": API_KEY})
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())


def test_served_responses_conform_with_and_without_expansions():
    from harvest.client import MEETING_EXPAND

    fake = FakeEinnsyn(load("vaksdal.json"), fixture_files()).start()
    try:
        first = _get(f"{fake.url}/search?entity=Moetemappe&administrativEnhet=enhet_01jb0vaksdal0kommune00000"
                     "&sortBy=oppdatertDato&sortOrder=asc&limit=2")
        assert errors(first, response_schema("/search")) == []
        assert [hit["id"] for hit in first["items"]] == ["mm_01jb0adm2025feb04000000000", "mm_01jb0adm2025mar11000000000"]
        second = _get(first["next"])
        assert errors(second, response_schema("/search")) == []
        assert [hit["id"] for hit in second["items"]] == ["mm_01jb0adm2025mai20000000000"] and "next" not in second
        plain = _get(f"{fake.url}/moetemappe/mm_01jb0adm2025feb04000000000")
        assert all(isinstance(case, str) for case in plain["moetesak"])
        assert errors(plain, response_schema("/moetemappe/{id}")) == []
        full = _get(f"{fake.url}/moetemappe/mm_01jb0adm2025feb04000000000?expand={','.join(MEETING_EXPAND)}")
        assert errors(full, response_schema("/moetemappe/{id}")) == []
        vote = full["moetesak"][1]["vedtak"]["votering"][0]
        assert vote["moetedeltaker"]["moetedeltakerNavn"] == "Solveig Haugland"
        assert vote["representerer"]["navn"] == "SP"
        assert full["moetedokument"][0]["dokumentbeskrivelse"][0]["dokumentobjekt"][0]["url"].startswith(fake.url)
        enhet = _get(f"{fake.url}/enhet/enhet_01jb0vaksdal0kommune00000")
        assert errors(enhet, response_schema("/enhet/{id}")) == []
    finally:
        fake.stop()
