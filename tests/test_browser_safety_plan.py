"""The safety plan on Staying safe, in a real Chromium, in both languages: the danger line
comes before the first step; Print, Copy all and Save as a text file keep what was typed;
and nothing is stored or sent while doing it (assets/safety-plan.js)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from browser import PHONE, open_page, print_pdf
from test_print import plain


@dataclass(frozen=True)
class Plan:
    lang: str
    url: str
    danger: tuple[str, ...]  # words the danger line must have
    print_label: str
    copy_label: str
    save_label: str
    file: str
    copied: str
    saved: str
    first_step: str


PLANS = [
    Plan(
        "en",
        "staying-safe/",
        ("If you are in danger at any step", "call or text 988 now", "911", "in order"),
        "Print my plan",
        "Copy all",
        "Save as a text file",
        "my-safety-plan.txt",
        "Copied.",
        "Saved",
        "Step 1. My warning signs",
    ),
    Plan(
        "es",
        "es/staying-safe/",
        ("Si está en peligro en cualquier paso", "oprima el 2", "AYUDA al 988", "911"),
        "Imprimir mi plan",
        "Copiar todo",
        "Guardar como archivo de texto",
        "mi-plan-de-seguridad.txt",
        "Copiado.",
        "Guardado",
        "Paso 1. Mis señales de alerta",
    ),
]
IDS = [plan.lang for plan in PLANS]
# One answer a step, with a second line and letters beyond ASCII, as a reader might type.
ANSWERS = [
    "No puedo dormir\nskipping meals",
    "Walk the dog, slow breathing",
    "Café on Main St",
    "My sister Ana 555-0142",
    "Dr. Lee 555-0199",
    "Give my pills to Ana",
]
STORAGE_JS = """async () => ({
    local: Object.entries(localStorage), session: Object.entries(sessionStorage),
    indexeddb: (await indexedDB.databases()).map(d => d.name), cookie: document.cookie})"""


def fill(tab) -> None:
    fields = tab.locator(".iop-write-in textarea")
    assert fields.count() == len(ANSWERS)
    for index, answer in enumerate(ANSWERS):
        fields.nth(index).fill(answer)


def assert_whole_plan(text: str, plan: Plan) -> None:
    """Every step's label and answer, in order, with the danger line before the first."""
    labels = re.findall(r"(?m)^(?:Step|Paso) \d\..*$", text)
    assert len(labels) == len(ANSWERS) and labels[0] == plan.first_step, labels
    where = [text.index(answer) for answer in ANSWERS]
    assert where == sorted(where), "the answers are out of order"
    for label, answer in zip(labels, ANSWERS, strict=True):
        assert text.index(label) < text.index(answer)
    assert text.index(plan.danger[0]) < text.index(plan.first_step)


def button(tab, label: str):
    return tab.get_by_role("button", name=label, exact=True)


def own_requests(record) -> list[str]:
    """Every request but Material's bundle, a file of the site fetched on the reader's first
    touch (assets/lazy-bundle.js), with nothing typed in it."""
    return [
        url
        for url in record.requests
        if urlsplit(url).scheme in ("http", "https") and "/assets/javascripts/bundle." not in url
    ]


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_the_danger_line_comes_before_the_first_step(browser, base_url: str, plan: Plan) -> None:
    with open_page(browser, base_url + plan.url, viewport=PHONE) as (tab, _):
        danger = tab.locator(".iop-plan-danger")
        first = tab.locator(".iop-write-in label").first
        assert first.inner_text() == plan.first_step
        text = " ".join(danger.inner_text().split())
        for words in plan.danger:
            assert words in text, f"{plan.url}: the danger line lacks {words!r}: {text}"
        hrefs = danger.locator("a").evaluate_all("links => links.map(a => a.href)")
        assert "tel:988" in hrefs and "tel:911" in hrefs, hrefs
        assert danger.bounding_box()["y"] < first.bounding_box()["y"]
        assert danger.evaluate(
            "(d, l) => !!(d.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING)",
            first.element_handle(),
        )


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_save_copy_and_print_keep_what_was_typed_and_nothing_is_stored_or_sent(
    browser, base_url: str, plan: Plan, tmp_path: Path
) -> None:
    origin = base_url.rstrip("/")
    with open_page(browser, base_url + plan.url, viewport=PHONE) as (tab, record):
        loaded = own_requests(record)
        assert any(url.endswith("/assets/safety-plan.min.js") for url in loaded)
        stored = tab.evaluate(STORAGE_JS)
        fill(tab)
        status = tab.locator(".iop-plan-status")
        assert status.get_attribute("role") == "status"
        assert status.get_attribute("aria-live") == "polite"

        # Save: the browser's own download of a file made in the page.
        with tab.expect_download() as download_info:
            button(tab, plan.save_label).click()
        download = download_info.value
        assert download.suggested_filename == plan.file
        saved = tmp_path / plan.file
        download.save_as(saved)
        text = saved.read_text(encoding="utf-8")
        assert_whole_plan(text, plan)
        for answer in ANSWERS:
            assert answer in text, f"the saved file lacks {answer!r}"
        tab.wait_for_function(
            "w => document.querySelector('.iop-plan-status').textContent.startsWith(w)",
            arg=plan.saved,
        )

        # Copy all: the real clipboard, read back through the browser's own API.
        tab.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
        button(tab, plan.copy_label).click()
        tab.wait_for_function(
            "w => document.querySelector('.iop-plan-status').textContent === w", arg=plan.copied
        )
        copied = tab.evaluate("() => navigator.clipboard.readText()")
        assert copied == text, "Copy all and Save must give the same whole plan"

        # Print: what was typed prints, line breaks and all; the buttons do not.
        pdf = print_pdf(tab)
        printed = plain("\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages))
        for answer in ANSWERS:
            assert plain(answer) in printed, f"the printout lacks {answer!r}"
        assert printed.index(plan.danger[0]) < printed.index(plan.first_step)
        for label in (plan.print_label, plan.copy_label, plan.save_label):
            assert label not in printed, f"the printout shows the button {label!r}"

        # Material for MkDocs records the colour scheme in localStorage (key "/.__palette",
        # no answer in it) only when the reader picks one; the plan adds nothing anywhere.
        assert tab.evaluate(STORAGE_JS) == stored, "the plan stored something"
        assert [key for key, _ in stored["local"]] in ([], ["/.__palette"]), stored
        assert stored["session"] == [] and stored["indexeddb"] == [] and stored["cookie"] == ""
        assert tab.context.cookies() == []
        assert own_requests(record) == loaded, "the plan sent a request"


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_the_buttons_are_big_labelled_and_keyboard_operable(
    browser, base_url: str, plan: Plan
) -> None:
    with open_page(browser, base_url + plan.url, viewport=PHONE) as (tab, _):
        group = tab.locator(".iop-plan-keep")
        assert group.get_attribute("role") == "group"
        names = group.locator("button").all_inner_texts()
        assert names == [plan.print_label, plan.copy_label, plan.save_label], names
        for box in group.locator("button").evaluate_all(
            "bs => bs.map(b => b.getBoundingClientRect().toJSON())"
        ):
            assert box["width"] >= 44 and box["height"] >= 44, box
        # Tab from the last answer reaches the first button, with a visible outline.
        tab.locator(".iop-write-in textarea").last.focus()
        tab.keyboard.press("Tab")
        focused = tab.evaluate("""() => {
            const e = document.activeElement, s = getComputedStyle(e);
            return [e.textContent, s.outlineStyle, parseFloat(s.outlineWidth)]}""")
        assert focused[0] == plan.print_label and focused[1] != "none" and focused[2] >= 2


def test_without_javascript_no_button_shows_and_the_plan_still_prints(
    browser, base_url: str
) -> None:
    plan = PLANS[0]
    with open_page(browser, base_url + plan.url, javascript=False) as (tab, record):
        assert tab.locator(".iop-plan-keep, .iop-plan-status").count() == 0
        assert tab.locator(".iop-write-in button").count() == 0
        assert tab.locator(".iop-plan-danger").is_visible()
        fill(tab)
        pdf = print_pdf(tab)
    printed = plain("\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages))
    for answer in ANSWERS:
        assert plain(answer) in printed, f"the printout lacks {answer!r} without JavaScript"


def test_the_plan_script_loads_only_on_a_page_with_a_plan(browser, base_url: str) -> None:
    with open_page(browser, base_url) as (_, record):
        assert not [url for url in record.requests if "safety-plan" in url]
