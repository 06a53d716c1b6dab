"""Story: on a system set to Japanese the command line speaks Japanese — what it says it did, and the
one line on stderr when something fails — while its exit codes and its JSON stay what scripts read.

The CLI runs as a real child process: the language is taken from the process's locale when it starts.
"""

from __future__ import annotations

import json
import re

from tests.stories.driver import PASSWORD, Cli, run_cli_process

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# LC_ALL (set to C.UTF-8 for the whole suite) would win over LANG: empty, it is unset.
IN_JAPANESE = {"LANG": "ja_JP.UTF-8", "LC_ALL": "", "LANGUAGE": ""}


def test_on_a_japanese_system_the_cli_says_what_it_did_and_what_failed_in_japanese(cli: Cli) -> None:
    signed_up = run_cli_process(cli, "signup", "hanako", env=IN_JAPANESE, password=PASSWORD, as_json=False)
    assert signed_up.code == 0, signed_up.err
    assert "hanako" in signed_up.out
    assert JAPANESE.search(signed_up.out), signed_up.out

    refused = run_cli_process(cli, "buy", "aurora-0001", env=IN_JAPANESE, as_json=False)
    assert refused.code == 2  # not insured yet: the exit code is the same in every language
    assert JAPANESE.search(refused.err), refused.err
    assert refused.err.startswith("insured-player-cli: ")

    as_json = run_cli_process(cli, "catalog", env=IN_JAPANESE)
    assert as_json.code == 0, as_json.err
    assert {"content_id", "title", "price"} <= set(json.loads(as_json.out)[0])  # JSON is for scripts


def test_on_a_japanese_system_the_library_is_a_table_headed_and_filled_in_japanese(cli: Cli) -> None:
    cli.sign_up_insured("kenji")
    (bought,) = cli.buy("aurora-0001")

    shown = run_cli_process(cli, "library", env=IN_JAPANESE, as_json=False)
    assert shown.code == 0, shown.err
    heading, row = shown.out.splitlines()[:2]
    assert heading.split() == ["コンテンツID", "タイトル", "アーティスト", "ライセンスID", "状態", "理由"]
    assert bought["license_id"] in row.split() and "有効" in row.split()  # the state in words, not "valid"

    checked = run_cli_process(cli, "verify", env=IN_JAPANESE, as_json=False)
    assert checked.code == 0, checked.err
    assert checked.out.splitlines() == ["正常: 1", "見つからない曲: -", "破損: -"]


def test_on_an_english_system_it_speaks_english(cli: Cli) -> None:
    signed_up = run_cli_process(
        cli, "signup", "ada", env={"LANG": "en_GB.UTF-8", "LC_ALL": ""}, password=PASSWORD, as_json=False
    )
    assert signed_up.out.strip() == "signed up and signed in as ada"


def test_its_help_is_in_japanese_too(cli: Cli) -> None:
    helped = run_cli_process(cli, "buy", "--help", env=IN_JAPANESE, as_json=False)
    assert helped.code == 0, helped.err
    assert helped.out.startswith("使い方: insured-player-cli buy")
    assert "保険付きで、保険会社を通して" in helped.out  # --at-insurer's line
    assert helped.out.count("オプション:") == 1  # the common options under the same heading
    english = run_cli_process(cli, "buy", "--help", env={"LANG": "en_GB.UTF-8", "LC_ALL": ""}, as_json=False)
    assert (
        english.out.startswith("usage: insured-player-cli buy")
        and "insured, through the insurer" in english.out
    )
