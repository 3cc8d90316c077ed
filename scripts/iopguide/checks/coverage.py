"""Coverage and legal claims: the sentences that say what a payer or a law does.

`cite-claim` (claims.py) asks for a source marker after a sentence that states a number.
Many facts a reader acts on have no number: "Medicare Part B covers IOPs", "Most plans
must cover mental health care the same way", "Una ley federal lo protege". The December
2026 fact audit found most of the site's unsourced claims among them, so `cite-claim`
asks for their marker too. This module says which sentences they are, in English and
in Spanish (both word lists apply to every page: the names do not clash).

A claim, as measured on every sentence of docs/ and docs-es/:

- **a payer or a law as the subject**: a health plan or insurance (not a safety,
  treatment, care or payment plan; Spanish `seguro` only after a word like "su" or "el",
  since "seguro" also means "safe"), Medicare and its parts, Medicare Advantage, Medigap,
  Medicaid, CHIP, a law or act, parity, the ACA, FMLA, HIPAA, ADA, 42 CFR Part 2, an
  FQHC or CMHC; or an employer, program, clinic, center or provider when the sentence
  also names a law or a payer and says what it must do ("Under HIPAA, a clinic must");
- **then what it does**: covers, pays (helps pay, helps with), requires, needs, must,
  has to, can't, allows, lets, gives, protects, applies, offers, says; cubre, paga,
  exige, requiere, pide, debe, tiene que, no puede, permite, protege, aplica, ofrece,
  dice. Only small words may stand between ("your plan may not pay", "la ley lo
  protege"), or an aside between commas ("A federal law, the FMLA, lets"). Spanish may
  put the verb first ("Después, paga su plan", "lo que cubre Medicaid");
- or **a law as the frame** ("Under the parity law, ...", "Según Medicare, ...", "Por la
  ley de paridad, ..."), or **a right** ("you have the right to", "tiene derecho a").

Not a claim, because it tells the reader what to do or to ask, not what is so:

- a question ("Is an IOP covered under my plan?", "¿Mi plan cubre un IOP?");
- advice, whose main verb tells the reader what to do, after any "If ...," ("Ask your
  plan what it covers", "If you have Medicaid, ask about rides", "Pregunte si lo cubre");
- an indirect question ("how Medicare covers IOPs", "what your plan covers, and what to
  ask"), unless the sentence goes on to say what it depends on: "What Medicaid covers
  depends on your state" is a claim;
- link text, which names a page ("Read [how Medicare covers IOPs](...)");
- the reader as the subject ("what you pay depends on your plan"), a plan that "says no".

Known limits, kept so that the rule does not cry wolf: a payer named only by a pronoun
("it covers", or a Spanish sentence with no subject, "Debe aceptarlo") and claims made
with other verbs ("Original Medicare has no yearly limit") are not seen. Naming the
payer, as plain writing does anyway, brings the sentence under the rule.

A claim the page has already cited needs no marker again, as with numbers: the same
payer or law, the same kind of verb and the same first word after it ("Medicare Part B
has covered IOP care.[^1]", then "Part B still covers IOPs"). A claim with nothing after
its verb ("the plan will pay") is the same as an earlier one only in the same words.

Measured in December 2026 on all 24 topic pages: 36 sentences flagged, every one a claim
of this kind (each now cites its source). The two false alarms met while tuning shaped the
rules above: "Ask, too, if your plan can help with rides" (advice after a short lead-in)
and "imprimir solo la parte que necesita" ("the part that" is a payer only before pays or
covers). Re-measure with every sentence of docs/ and docs-es/ when adding a word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from iopguide.checks import coverage_words as words


@dataclass(frozen=True)
class Claim:
    said: str  # the words that make it a claim, as written: "Medicare Part B covers"
    key: str  # what makes two claims the same claim: "medicare:cover:iop"


def claims(sentence: str) -> list[Claim]:
    """The coverage and legal claims a sentence makes (its markers and links left out)."""
    found: list[Claim] = []
    plain = _plain(sentence)
    for part in _parts(plain):
        if _is_question(part) or _is_advice(part):
            continue
        for match in words.CLAIM.finditer(part):
            if _indirect(part, match):
                continue
            if match["who"] and not (match["duty"] and words.LAW_OR_PAYER.search(plain)):
                continue
            found.append(Claim(" ".join(match[0].split()), _key(match, part)))
    return found


def _plain(sentence: str) -> str:
    """The words a reader sees, without link text (a link names a page, not a claim)."""
    text = words.MARKER.sub(" ", sentence)
    text = re.sub(r"!?\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"\{[^}]*\}|<[^>]+>", " ", text)
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split())


def _parts(text: str) -> list[str]:
    """A sentence's clauses that can stand alone: a bold lead-in ("**Ask about Medicare.**"),
    what follows a colon, each cell of a table row."""
    pieces = re.split(
        r"(?<=[.!?:])\*\*\s+|(?<=[.!?])[\"']?\s+(?=[¿¡\"*]*[A-ZÁÉÍÓÚÑ])|:\s+|\|", text
    )
    return [p.replace("*", "").strip(" \"'") for p in pieces if p.replace("*", "").strip()]


def _is_question(part: str) -> bool:
    return part.endswith("?") or part.startswith("¿")


def _is_advice(part: str) -> bool:
    """The part's main verb tells the reader what to do: 'Ask ...', 'If ..., call ...'."""
    text = part.lstrip("¡¿\"'( ")
    for _ in range(3):  # "If you can, then ask ...", "Ask, too, if ..."
        if _starts_with_advice(text):
            return True
        text = words.LEAD_IN.sub("", text, count=1)
    return _starts_with_advice(text)


def _starts_with_advice(text: str) -> bool:
    said = [word.strip(",.;:!").lower() for word in text.split(" ", 2)]
    if said[0] in ("never", "nunca", "don't"):
        return True
    if said[0] in ("no", "do") and len(said) > 1:  # "Do not ...", "No deje ..."
        return said[1] == "not" or _imperative(said[1])
    return _imperative(said[0])


def _imperative(word: str) -> bool:
    if word in words.IMPERATIVES:
        return True
    bare = _unaccented(word)
    for ending in ("les", "le", "los", "las", "lo", "la", "se", "nos", "me"):
        if bare.endswith(ending) and _unaccented(bare[: -len(ending)]) in words.IMPERATIVES_ES:
            return True
    return bare in words.IMPERATIVES_ES


def _indirect(part: str, match: re.Match[str]) -> bool:
    """The claim sits in an indirect question ("what Medicaid covers") that the sentence
    does not go on to answer ("... depends on your state")."""
    before = part[: match.start()]
    asks = list(words.ASKS.finditer(before))
    # The question word opens the payer's own clause: "what your plan covers", not "the
    # amount you pay each year before your plan starts to pay" ("lo que usted paga ...").
    if not asks or len(before[asks[-1].end() :].split()) > 4:
        return False
    return not words.DEPENDS.search(part[match.end() :])


def _key(match: re.Match[str], part: str) -> str:
    actor = _unaccented(match[0]).lower()
    kind = next(
        (name for name, pattern in words.KINDS if pattern.search(actor)),
        "law" if match["frame"] or match["right"] else "cover" if match["passive"] else "claim",
    )
    who = next((name for name, pattern in words.ACTORS if pattern.search(actor)), "payer")
    rest = words.IOP.sub("iop", _unaccented(part[match.end() :]).lower())
    thing = next((w for w in re.findall(r"[a-z0-9]+", rest) if w not in words.SMALL), "")
    if not thing:  # nothing after the verb: never the same as another claim
        return f"{who}:{kind}:@{_unaccented(part).lower()}"
    return f"{who}:{kind}:{thing[:-1] if len(thing) > 3 and thing.endswith('s') else thing}"


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")
