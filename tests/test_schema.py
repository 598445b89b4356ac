from pathlib import Path

from mapper import schema

ROOT = Path(__file__).resolve().parent.parent


def test_docs_page_is_generated_from_the_schema():
    page = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert page == schema.page(), "run: python -m mapper.schema > docs/schema.md"


def test_every_layer_and_type_is_documented():
    page = schema.markdown()
    for layer, fields in schema.LAYER_FIELDS.items():
        assert f"## {layer}" in page
        for field in fields:
            assert f"| `{field.name}` | {field.kind} |" in page
    for types in schema.FORMAT_TYPES.values():
        assert set(types) == {"str", "int", "float", "date"}


def test_layer_frames_have_the_documented_columns():
    import mapper

    result = mapper.map_table()
    for layer, fields in schema.LAYER_FIELDS.items():
        frame = getattr(result, layer)
        assert [c for c in frame.columns if c != "geometry"] == [f.name for f in fields], layer


def test_required_fields():
    assert set(schema.REQUIRED_FIELDS) == {"event_date", "event_type", "place_name"}


def test_every_subtype_maps_to_acled_or_says_it_does_not():
    acled_types = {"Protests", "Riots", "Battles", "Violence against civilians",
                   "Explosions/Remote violence", "Strategic developments", ""}
    for subs in schema.EVENT_TYPES.values():
        for acled, acled_sub in subs.values():
            assert acled in acled_types
            assert bool(acled) == bool(acled_sub)


def test_acled_types_of_a_pair():
    assert schema.acled_types("clash", "mob violence") == ("Riots", "Mob violence")
    assert schema.acled_types("deployment", "") == ("Strategic developments", "")
    assert schema.acled_types("statement", "claim") == ("", "")


def test_geo_precision_codes():
    assert schema.geo_precision_for(100) == 1
    assert schema.geo_precision_for(2_000) == 2
    assert schema.geo_precision_for(10_000) == 3
    assert schema.geo_precision_for(300_000) == 4


def test_issue_vocabulary_is_covered():
    wanted = {"protest", "clash", "violence", "arrest", "closure", "blockade", "deployment",
              "negotiation", "statement", "detention"}
    assert wanted <= set(schema.EVENT_TYPES)
