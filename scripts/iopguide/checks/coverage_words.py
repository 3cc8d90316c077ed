"""The words behind coverage.py, in English and Spanish: who pays or rules, what they do,
and the words of advice that make a sentence no claim. Each list was measured on every
sentence of docs/ and docs-es/ (coverage.py says how); add a word when a page needs it."""

from __future__ import annotations

import re

MARKER = re.compile(r"\[\^\d+\]")

# Who pays or rules. A plan is a health plan unless it is a safety, treatment, care,
# aftercare, payment or crisis plan; Spanish "seguro" is insurance only after a word
# like "su" ("un lugar seguro" is a safe place).
_PLAN = (
    r"(?<!safety )(?<!treatment )(?<!care )(?<!payment )(?<!crisis )(?<!discharge )plans?"
    r"|plan(?:es)?(?!\s+de\s+(?:seguridad|tratamiento|atenci[oó]n|seguimiento|pagos?|"
    r"acci[oó]n|crisis)\b)(?!\s+B\b)"
)
_PAYER = (
    r"(?:original\s+)?medicare(?:\s+original)?(?:\s+advantage)?(?:\s+part\s+[abcd])?"
    r"|(?:la\s+)?part[e]?\s+[abcd]\b|part[e]?(?=\s+(?:that|que)\s+(?:pays|covers|paga|cubre)\b)"
    r"|medicaid|medigap|(?-i:CHIP|FQHCs?|CMHCs?)"
    r"|insurers?|insurance(?:\s+compan(?:y|ies))?|aseguradoras?|compañías?\s+de\s+seguros?"
    r"|(?:el|su|sus|un|los|del|al|mi|algunos|muchos|cada|de)\s+seguros?"
    rf"|{_PLAN}"
)
_LAW = r"laws?|leyes|ley|(?-i:Act)|parity|paridad|(?-i:ACA|FMLA|HIPAA|ADA)|42\s+CFR\s+part\s+2"
# Who must do what a law says, when the sentence names that law or a payer.
_WHO = (
    r"employers?|programs?|clinics?|(?:health\s+)?centers?|providers?|hospitals?"
    r"|empleador(?:es)?|programas?|cl[ií]nicas?|centros?|proveedor(?:es)?|hospital(?:es)?"
)
# Words that may follow the name: "Medicaid program", "plan de salud", "ley federal".
_MODS = (
    r"(?:\s+(?:de\s+)?(?:program|salud|seguros?|m[eé]dicos?|privados?|medicare|medicaid|"
    r"federal(?:es)?|estatal(?:es)?|paridad|extra|adicional|policy|policies))*"
)
# Small words that may stand between the name and its verb.
_FILLER = (
    r"that|which|who|also|usually|often|only|still|generally|always|never|not|now|then|"
    r"typically|sometimes|normally|mostly|even|already|likely|probably|just|can|may|might|"
    r"will|would|should|does|do|did|doesn't|don't|didn't|won't|has|have|had|is|are|was|"
    r"were|be|been|to|starts?|begins?|helps?|"
    r"que|también|solo|sólo|no|siempre|casi|ya|ahora|nunca|tal|vez|quizás|puede|pueden|"
    r"podría|podrían|va|van|a|empiece|empieza|empiezan|empiecen|comience|comienza|lo|la|"
    r"le|les|los|las|se|me|nos|por|general|generalmente|normalmente|muchas|veces|suele|"
    r"suelen|ayuda|ayudan"
)
# What they must do (the verbs that also make an employer's or a program's duty a claim).
_DUTY = (
    r"must|has\s+to|have\s+to|required|requires?|can't|cannot|needs?"
    r"|deben?|deberá|deberán|tienen?\s+que|exigen?|exija|requieren?|piden?|no\s+pueden?"
    r"|necesitan?"
)
# What else a payer or a law does.
_DOES = (
    r"covers?|covered|covering|pays?|paid|paying|allows?|allowed|lets|let|gives?|"
    r"protects?|protected|applies|apply|offers?|(?:says|said)(?!\s+(?:no|yes)\b)|"
    r"helps?\s+with|"
    r"cubren?|cubran?|cubrir|cubrirá|pagan?|paguen?|pagar|pagará|pagarán|permiten?|"
    r"permitir|protegen?|proteger|aplican?|ofrecen?|(?:dicen?|dijo)(?!\s+que\s+(?:no|sí)\b)|"
    r"ayudan?\s+con"
)
# Spanish may put the verb first: "Después, paga su plan", "lo que cubre Medicaid".
_VERB_FIRST = r"cubren?|pagan?|pague|exigen?|requieren?|permiten?"
_PAYER_AFTER = (
    r"(?:el|la|los|las|su|sus)\s+(?:seguros?|plan(?:es)?|parte\s+[abcd])\b|medicare|medicaid"
)
# A law or payer as the frame of the sentence, and a right.
_FRAME = (
    r"\b(?:under|according\s+to)\s+(?:the\s+|a\s+|this\s+|that\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:law|act|medicare|medicaid|fmla|hipaa|ada|aca|parity)\b"
    r"|\b(?:según|bajo|de\s+acuerdo\s+con)\s+(?:la\s+|el\s+|una\s+|esta\s+)?"
    r"(?:ley|medicare|medicaid|paridad|fmla|hipaa)\b"
    r"|\bpor\s+(?:la|una|esta)\s+ley\b"
)
_RIGHT = r"\b(?:have|has|gives?\s+you)\s+(?:the\s+|a\s+)?right\s+to\b|\bderecho\s+a\b"
# Covered, with or without its payer: "may not be covered at all", "no está cubierto".
_PASSIVE = (
    r"\b(?:is|are|be|been|isn't|aren't|was|were|es|son|está|están|sea|sean)\s+"
    r"(?:not\s+|no\s+)?(?:always\s+|usually\s+|often\s+|siempre\s+)?"
    r"(?:covered|paid\s+for|cubiert[oa]s?)\b"
)

CLAIM = re.compile(
    rf"(?P<frame>{_FRAME})|(?P<right>{_RIGHT})|(?P<passive>{_PASSIVE})"
    rf"|\b(?:(?P<payer>{_PAYER}|{_LAW})|(?P<who>{_WHO}))(?:\s*\([^)]*\))?{_MODS}"
    rf"(?:\s*,[^,]{{1,80}},)?(?:\s+(?:{_FILLER}))*?\s+(?:(?P<duty>{_DUTY})|(?P<does>{_DOES}))\b"
    rf"|\b(?P<first>{_VERB_FIRST})\s+(?:(?:también|solo)\s+)?(?:{_PAYER_AFTER})",
    re.I,
)
LAW_OR_PAYER = re.compile(rf"\b(?:{_LAW}|medicare|medicaid|(?-i:FQHCs?|CMHCs?))\b", re.I)

# The same claim: the payer or law named (first match wins), and the kind of verb.
ACTORS = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("medigap", r"medigap"),
        ("advantage", r"advantage"),
        ("medicare", r"medicare|\bparte?\s+[abcd]\b|\bparte?$"),
        ("medicaid", r"medicaid"),
        ("chip", r"\bchip\b"),
        ("fmla", r"fmla|family and medical leave"),
        ("hipaa", r"hipaa"),
        ("ada", r"\bada\b"),
        ("aca", r"\baca\b|affordable care"),
        ("law", r"\blaw|\bley|\bact\b|parity|paridad|cfr|under|segun|bajo|acuerdo|derecho|right"),
        ("center", r"fqhc|cmhc|center|centro|clinic"),
        ("employer", r"employer|empleador"),
    )
)
KINDS = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("cover", r"\bcover|\bcubr|\boffer|\bofrec"),
        ("pay", r"\bpa(?:y|id|g)"),
        (
            "duty",
            r"must|has to|have to|requir|can't|cannot|need|\bdeb|tienen? que|exig|\bpiden?\b"
            r"|no pueden?",
        ),
        ("allow", r"allow|\blet|\bgive|permit"),
        ("protect", r"protect|proteg|appl|aplica"),
        ("say", r"\bsa(?:ys|id)\b|\bdic|\bdijo"),
        ("help", r"help|ayuda"),
    )
)
# Words skipped when finding what a claim is about ("covers [the] IOPs").
SMALL = frozenset(
    "the a an for to of your their its his her my our some most all any each this that "
    "these those up at in on with by as and or it them you el la los las un una unos "
    "unas su sus de del al a por para que en con y o lo le les se mi".split()
)

# The start of a sentence that says what to do, after any "If ...," or "Either way,".
LEAD_IN = re.compile(
    r"^(?:(?:if|when|before|after|once|while|until|unless|since|si|cuando|antes|después|"
    r"mientras|apenas)\b[^,]*|[^,\s]+(?:\s+[^,\s]+){0,3}),\s+",
    re.I,
)
IMPERATIVES = frozenset(
    "ask call check read find see get keep write plan save make look learn tell bring use "
    "try compare choose pick watch text chat go take talk visit search file request "
    "contact let be start stay put give lock store set note review print copy think "
    "consider share expect trade follow say list fill mark sign send join wait leave "
    "remember add open click tap press dial appeal enroll gather prepare book schedule "
    "confirm explore hold move please avoid skip have mention name decide speak reach "
    "stop seek show turn work agree".split()
)
IMPERATIVES_ES = frozenset(
    "pregunte llame vea lea pida anote revise busque hable guarde escriba compare "
    "consulte averigue tenga haga use envie mande presente lleve elija piense diga apunte "
    "confirme asegurese informese recuerde marque visite espere deje evite llene imprima "
    "copie prepare planee intente cuente comparta mire fijese tome quedese vaya venga "
    "ponga de siga empiece comience acuda contacte comuniquese agregue abra toque oprima "
    "descargue apele solicite inscribase escoja aprenda decida encuentre sepa cuide "
    "hagase llamenos pidale digale preguntele preguntales aprovecha guardelo".split()
)
# An indirect question ("ask what it covers") and what can answer it ("depends on").
ASKS = re.compile(
    r"\b(?:what|how|whether|qué|cómo|cuánt[oa]s?|cuál(?:es)?|lo\s+que)\b"
    r"|(?<=\w)\s+(?:if|si)\b",
    re.I,
)
IOP = re.compile(r"intensive outpatient programs?|programas? intensivos? ambulatorios?")
DEPENDS = re.compile(r"\b(?:depends?|varies|vary|differs?|depende|dependen|var[ií]an?)\b", re.I)
