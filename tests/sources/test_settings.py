"""acurefs.sources.settings: every ACUREFS_* variable read in one place, bad values refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from acurefs import Cache, ConfigError, Crossref
from acurefs.sources.cache import default_cache_dir
from acurefs.sources.settings import Settings

TOKEN = "s3cr3t-plus-token-1234"


def test_nothing_set_is_all_defaults() -> None:
    assert Settings.from_env({}) == Settings()
    assert Settings() == Settings(
        mailto=None, token=None, crossref_url=None, cache_dir=None, offline=False
    )


def test_every_variable_is_read() -> None:
    settings = Settings.from_env(
        {
            "ACUREFS_MAILTO": "you@example.org",
            "ACUREFS_CROSSREF_TOKEN": TOKEN,
            "ACUREFS_CROSSREF_URL": "http://127.0.0.1:9/v1",
            "ACUREFS_CACHE_DIR": "~/acurefs-cache",
            "ACUREFS_OFFLINE": "yes",
        }
    )
    assert settings.mailto == "you@example.org"
    assert settings.token == TOKEN
    assert settings.crossref_url == "http://127.0.0.1:9/v1"
    assert settings.cache_dir == Path("~/acurefs-cache").expanduser()
    assert settings.offline is True
    assert TOKEN not in repr(settings)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, id=n)
        for n in (
            "ACUREFS_MAILTO",
            "ACUREFS_CROSSREF_TOKEN",
            "ACUREFS_CROSSREF_URL",
            "ACUREFS_CACHE_DIR",
            "ACUREFS_OFFLINE",
        )
    ],
)
@pytest.mark.parametrize("blank", [pytest.param("", id="empty"), pytest.param("  ", id="spaces")])
def test_an_empty_value_is_unset(name: str, blank: str) -> None:
    assert Settings.from_env({name: blank}) == Settings()


@pytest.mark.parametrize(
    ("value", "offline"),
    [
        pytest.param("1", True, id="1"),
        pytest.param("true", True, id="true"),
        pytest.param("TRUE", True, id="TRUE"),
        pytest.param("Yes", True, id="Yes"),
        pytest.param("0", False, id="0"),
        pytest.param("false", False, id="false"),
        pytest.param("No", False, id="No"),
        pytest.param(" yes ", True, id="padded"),
    ],
)
def test_boolean_values(value: str, offline: bool) -> None:
    assert Settings.from_env({"ACUREFS_OFFLINE": value}).offline is offline


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("maybe", id="maybe"),
        pytest.param("on", id="on"),
        pytest.param("2", id="2"),
        pytest.param("y", id="y"),
        pytest.param("offline", id="offline"),
    ],
)
def test_any_other_boolean_value_is_a_config_error(value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({"ACUREFS_OFFLINE": value})
    message = str(caught.value)
    assert "ACUREFS_OFFLINE" in message
    assert repr(value) in message
    assert isinstance(caught.value, ValueError)


def test_crossref_from_env_refuses_a_bad_boolean(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"ACUREFS_OFFLINE='maybe'"):
        Crossref.from_env({"ACUREFS_OFFLINE": "maybe"}, cache=Cache(tmp_path / "c.sqlite3"))


def test_crossref_from_env_takes_its_values_from_the_settings(tmp_path: Path) -> None:
    environ = {
        "ACUREFS_MAILTO": "you@example.org",
        "ACUREFS_CROSSREF_URL": "http://127.0.0.1:9",
        "ACUREFS_CACHE_DIR": str(tmp_path / "c"),
        "ACUREFS_OFFLINE": "No",
    }
    settings = Settings.from_env(environ)
    source = Crossref.from_env(environ)
    assert (source.mailto, source.base_url, source.offline) == (
        settings.mailto,
        settings.crossref_url,
        settings.offline,
    )
    assert source.cache is not None
    assert source.cache.path.parent == settings.cache_dir


def test_default_cache_dir_reads_the_settings(tmp_path: Path) -> None:
    assert default_cache_dir({"ACUREFS_CACHE_DIR": str(tmp_path)}) == tmp_path
    with pytest.raises(ConfigError, match="ACUREFS_OFFLINE"):
        default_cache_dir({"ACUREFS_CACHE_DIR": str(tmp_path), "ACUREFS_OFFLINE": "maybe"})
