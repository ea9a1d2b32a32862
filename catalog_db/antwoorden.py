"""Answer normalisation: what a person typed → a canonical code from the vocabulary.

Pure and table-tested. Handles what NLU alone misses: the number of an option ("2"), old and
colloquial names ("lts", "uni"), typos (rapidfuzz), Dutch word forms (spaCy lookup lemmas),
postcodes → region, "weet ik niet", "niet afgemaakt" (one level lower) and answers that need a
clarifying question ("eigen bedrijf": alone or with staff?).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from catalog_db import leeftijd
from catalog_db.vocabulaire import SLOT_SOORT, Vocabulaire

MAX_LENGTE = 500
LETTERS = re.compile(r"(?<![\w'])[a-z](?: [a-z])+(?![\w'])")
ONZICHTBAAR = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
WEET_NIET = re.compile(
    r"\b(weet\s*(ik|k)?\s*(het|t)?\s*niet|weetniet|geen\s+(flauw\s+)?idee|idk|geen\s+benul|weet\s+nie|snap\s+(ik\s+)?(het\s+)?niet)\b"
)
NUMMER = re.compile(r"^\s*(?:nummer\s*|optie\s*|keuze\s*)?(\d{1,2})\s*[.)]?\s*$")
RANGTELWOORD = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6}
POSTCODE = re.compile(r"\b([1-9]\d{3})\s?(?:[a-z]{2})?\b")
MBO_NIVEAU = re.compile(r"\b(?:mbo|niveau|nivo|level)\s*-?\s*(?:niveau\s*)?([1-4]|een|twee|drie|vier)\b|\bmbo([1-4])\b")
TELWOORD = {"een": "1", "twee": "2", "drie": "3", "vier": "4"}
NIET_AF = re.compile(
    r"\b(niet\s+(af(gemaakt|gerond)?|gehaald|afgerond|klaar)|zonder\s+diploma|geen\s+diploma\s+(van|voor|gehaald)|(ben\s+)?gestopt|afgebroken|half"
    r"|bijna\s+af|(was|werd)\s+niks|niet\s+gelukt|eraf\s+gegaan|af\s+gegaan\s+zonder|geen\s+diploma)\b"
)
# A level said as a goal, not as done: "wil dat ik niveau 3 haal", "doorleren voor hbo-v".
NIVEAU_DOEL_ERVOOR = re.compile(r"\b(?:wil|willen|naar|voor|ga|gaan|word|worden)\s+(?:\w+\s+){0,3}$")
NIVEAU_DOEL_ERNA = re.compile(r"^\s*(?:\w+\s+)?(?:halen|haal|doen|volgen|worden|gaan\s+doen|te\s+halen)\b")
NIVEAU_AF = re.compile(r"\b(?:diploma|gehaald|afgemaakt|afgerond|geslaagd)\b")
# A school the person is still in ("ik zit in de laatste klas van het vmbo", "nu havo 5", "ik doe
# nu de havo") is not finished: it counts as a level left without diploma.
NOG_BEZIG = re.compile(
    r"\b(?:(?:zit|zitten)\s+(?:nu\s+|nog\s+)*(?:in|op)|nu\s+(?:in|op)?|ik\s+doe\s+(?:nu\s+)?)\s*(?:de\s+|het\s+)?"
    r"(?:(?:laatste|eerste|tweede|derde|vierde|vijfde|zesde)\s+(?:klas|jaar)\s+(?:van\s+)?(?:de\s+|het\s+)?|examenklas\s+(?:van\s+)?"
    r"(?:de\s+|het\s+)?|klas\s+\d\s+(?:van\s+)?(?:de\s+|het\s+)?|\d\s+)?$"
)
# A school the person will finish later is not finished yet: "na de zomer ben ik klaar op het
# vmbo", "ik ben bijna klaar met mbo 2", "volgend jaar klaar met de havo".
KLAAR_LATER = re.compile(
    r"\b(?:na\s+de\s+zomer|straks|volgend\s+jaar|dit\s+jaar|deze\s+zomer|bijna|over\s+\w+\s+(?:maanden|weken))\s+"
    r"(?:ben\s+ik\s+|ik\s+ben\s+|ben\s+)?(?:\w+\s+)?klaar\s+(?:op|met|van)\s+(?:de\s+|het\s+|mijn\s+|m'n\s+)?$"
)
GESTOPT_MET = re.compile(
    r"\b(?:gestopt|gestart|begonnen|stoppen)\s+(?:met|op|van)\s+(?:de\s+|het\s+)?$|\b(?:\d|een|paar|half|halve|twee)\s+jaar\s+(?:op\s+de\s+|het\s+)?$"
)
BARE_MBO = re.compile(r"\bmbo\b(?!\s*-?\s*(?:niveau\s*)?(?:[1-4]|een|twee|drie|vier)\b)")
EIGEN_BEDRIJF = re.compile(r"\b(eigen\s+(bedrijf|zaak|onderneming)|ondernemer)\b")
MET_PERSONEEL = re.compile(r"\b(personeel|medewerkers|werknemers|mensen\s+in\s+dienst|collega'?s\s+in\s+dienst)\b")
ALLEEN = re.compile(
    r"\b(alleen|zzp|zelfstandige?|freelance|eenmanszaak|in\s+mijn\s+(eentje|uppie)|voor\s+(mezelf|mijzelf)|alles\s+zelf|kvk)\b"
)
DOEL_CONTEXT = re.compile(
    r"\b(naar|wil|wil\s+graag|liever|worden|lijkt|graag|doel|richting|omscholen|switchen|overstappen|zoek\s+werk|zoek"
    r"|denk\s+aan|denk\s+na\s+over|denken\s+aan|droom\s+van|iets\s+in|iets\s+met)\b"
)
HUIDIG_CONTEXT = re.compile(
    r"\b(werk|werkt|werkte|gewerkt|ben|zit|zat|nu|was|werkzaam|sta|stond|heb\s+een|hebben\s+een|zijn\s+een|eigen"
    r"|(?<!wil\s)na\s+(?:\d+|\w+tig|tien|elf|twaalf|vijftien)\s+jaar)\b"  # "werkloos na 30 jaar in de metaal": the work before
)
# "ik wil nu de zorg in": "nu" after a wish is when, not the present work.
NU_NA_WENS = re.compile(r"\b(wil|wil\s+graag|ga|gaan|zou)\s+nu\b")
# A school as a workplace is no level: "juf op een basisschool", "ik werk bij een basisschool".
SCHOOL_ALS_WERKPLEK = re.compile(
    r"\b(?:werk|werkt|werkte|juf|meester|leerkracht|leraar|lerares|conciërge|concierge|docent|onderwijsassistent)"
    r"\s+(?:\w+\s+){0,2}(?:op|bij|in|voor)\s+(?:de|het|een)\s+$"
)
# A sector word right after a teaching job is what is taught, not the work: "docent bouwtechniek",
# "leraar zorg op het mbo", "instructeur techniek".
ONDERWERP_VAN_LES = re.compile(
    r"\b(?:docent|docente|leraar|lerares|leerkracht|instructeur|opleider|les\s+geven\s+in|lesgeven\s+in)\s+(?:\w+\s+){0,1}$"
)
# A sector said with "niet" is work one wants to leave, never the goal: "ik wil niet meer in de
# zorg werken", "in ieder geval niet meer de schoonmaak".
NIET_DAAR = re.compile(r"\bniet\s+(?:meer\s+)?(?:in\s+|naar\s+|bij\s+|op\s+)?(?:de\s+|het\s+|een\s+)?$")
# A sector named as the cause, not the goal: "mijn baan verdwijnt door automatisering".
OORZAAK = re.compile(r"\b(?:door|vanwege|wegens)\s+(?:de\s+|het\s+)?$")
# Working now, said in the present tense, for telling growing from switching by the sectors.
WERKT_NU_ALS = re.compile(r"\bik\s+(?:ben|werk|zit|sta)\b|\bwerkzaam\b|(?<!zoek )\bwerk\s+(?:als|bij|in|op)\b")
WOON_CONTEXT = re.compile(r"\b(woon|wonen|woonachtig|uit|in|bij|regio|buurt|omgeving|postcode)\s*$")
# Place names that are also ordinary words: only taken when the sentence is about where one lives.
GEWONE_WOORDEN = frozenset(
    {"best", "goes", "putten", "laren", "bergen", "hoorn", "land", "sint", "ede", "epe", "oss", "born", "stein", "wijk"}
)
# -- situations: the cues of one message weighed together (design.md "How answers map") --------
# Words that say nothing for a situation phrase: "ik wil daar echt weg" = "ik wil daar weg".
VULWOORDEN = frozenset({"echt", "heel", "graag", "eigenlijk", "gewoon", "dus", "even", "ook", "al", "eh", "ehm", "uh", "nou"})
# When one message holds cues of several situations, the first of these wins: an employer or a
# zzp'er who wants to learn is not "growing in the job"; a school leaver or someone without work
# who wants something else is not "switching"; "ik werk" alone is only the last resort.
SITUATIE_VOORRANG = ("werkgever", "zzp", "schoolverlater", "werkzoekend", "overstap", "eigen_werk")
AANTAL = r"(?:\d+|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|\w+tig)"
PERSONEEL_WOORD = r"(?:man|mensen|medewerkers|werknemers|personeel|personeelsleden|krachten|collega'?s|\w+ers|\w+eurs|\w+'ers)"
# Owning a business: "ik heb een (eigen) schoonmaakbedrijf", "wij zijn een installatiebedrijf".
BEDRIJF_WOORD = (
    r"\w*(?:bedrijf|bedrijfje|zaak|zaakje|onderneming|winkel|winkeltje|salon|kantoor|bureau|praktijk|kwekerij|"
    r"bakkerij|boerderij|restaurant|cafe|café|hotel|garage|supermarkt|dagverblijf|studio|atelier)"
)
EIGENAAR = re.compile(
    rf"\b(?:(?:ik\s+heb|ik\s+run|heb\s+ik|wij\s+hebben|we\s+hebben|wij\s+zijn|we\s+zijn)\s+(?:\w+\s+){{0,2}}{BEDRIJF_WOORD}\b"
    rf"|eigen\s+(?:\w+\s+)?{BEDRIJF_WOORD}\b|eigenaar|eigen\s+baas)"
)
WIJ_BEDRIJF = re.compile(rf"\b(?:wij|we)\s+(?:hebben|zijn|runnen)\s+(?:\w+\s+){{0,2}}{BEDRIJF_WOORD}\b")
# Staff: "met 4 man in dienst", "25 man personeel", "met 6 monteurs", "mijn twee medewerkers", "onze pm'ers".
MET_STAF = re.compile(
    rf"\b(?:(?:met|heb|hebben)\s+{AANTAL}\s+{PERSONEEL_WOORD}|{AANTAL}\s+(?:man|mensen|medewerkers|werknemers)\s+(?:in\s+dienst|personeel)"
    rf"|{AANTAL}\s+\w+\s+in\s+dienst"
    rf"|(?:mijn|m'n|mn|onze|ons)\s+(?:{AANTAL}\s+)?(?:mensen|medewerkers|werknemers|personeel|team|\w+ers|\w+eurs|\w+'ers)\b)"
)
GEEN_STAF = re.compile(
    r"\b(?:geen|zonder|niet\s+met)\s+(?:\w+\s+)?(?:personeel|mensen\s+in\s+dienst|medewerkers|werknemers|man\s+in\s+dienst|mensen)\b"
)
# A job still held ("ik werk nog wel", "ik heb nog werk"): looking for work is then switching.
WERKT_NOG = re.compile(r"\b(?:werk|werkt)\s+(?:\w+\s+)?nog\b(?!\s+niet)|\bheb\s+(?:nog|wel|nu)\s+(?:werk|een\s+baan)\b")
# Working now, said in passing ("nu werk ik als lasser"): growing in the job unless more is said.
WERKT_NU = re.compile(
    r"(?:\bik\s+werk|\bwerk\s+ik|\bik\s+ben\s+\w+\s+bij|^werk)\b(?!\s+(?:\w+\s+){0,3}niet\b)|\bheb\s+(?:nu\s+)?(?:werk|een\s+baan)\b"
)
# Staying where one works: "wil daar verzorgende worden", "in de zaak waar ik werk".
BLIJVEN = re.compile(
    r"\bwil\s+(?:\w+\s+)?(?:daar|hier)\s+(?:\w+\s+){0,3}worden\b|\bwaar\s+ik\s+(?:nu\s+)?(?:werk|zit)\b"
    r"|\b(?:via|bij|van|op)\s+(?:mijn|m'n|mn|me)\s+(?:huidige\s+|eigen\s+)?(?:werkgever|baas|werk|organisatie|afdeling)\b"
)
# A time to come: "over een half jaar zit ik zonder werk" is switching, not looking.
STRAKS = re.compile(r"\b(?:straks|binnenkort|over\s+(?:een\s+|\w+\s+)?(?:half\s+)?(?:jaar|maanden?|weken?))\b")
# Losing the job later ("ik word werkloos", "straks sta ik op straat") is switching, not looking.
STRAKS_KWIJT = re.compile(
    r"\b(?:word|wordt|ga|gaat|dreig|dreigt|raak|straks|binnenkort|bijna|misschien)\s+(?:\w+\s+){0,3}"
    r"(?:werkloos|kwijt|ontslagen|op\s+straat|zonder\s+werk)"
)
# The job is going away (not yet gone): "de zaak gaat failliet", "mijn functie wordt opgeheven",
# "de fabriek verhuist naar polen", "ze verlengen mijn contract niet".
BAAN_GAAT_WEG = re.compile(
    r"\b(?:zaak|bedrijf|baas|winkel|fabriek|contract|filiaal|werkgever|firma|afdeling|functie|baan|kantoor|locatie|"
    r"vestiging|tent|werk|callcenter|\w+bedrijf|\w+winkel|\w+fabriek)\b(?:\s+\w+){0,4}?\s+"
    r"(?:sluit|sluiten|gaat\s+(?:\w+\s+)?(?:dicht|weg|failliet|sluiten|verhuizen|stoppen)|stopt|failliet|verhuist|verhuizen|"
    r"opgeheven|verdwijnt|ophoudt|houdt\s+op|naar\s+het\s+buitenland)\b"
    r"|\b(?:ontslaan|ontslagbrief|ontslagaanvraag|boventallig|failliet|opgeheven|lijst\s+voor\s+ontslag|krijgen\s+(?:\w+\s+)?ontslag"
    r"|niet\s+verlengd|verlengen\s+(?:\w+\s+){0,2}niet)\b"
)
# Not working (any more): "ik werk al een jaar niet meer", "ik ben mijn werk kwijt", "thuis zonder baan".
WERKT_NIET = re.compile(
    # "werk" as the verb ("ik werk al een jaar niet meer", "werk ik niet"), not the noun ("ander werk, ik ben niet blij")
    r"(?:\b(?:ik|je|jij|hij|zij|ze|u)\s+(?:werk|werkt)|(?<!ander )(?<!andere )(?<!nieuw )(?<!mijn )(?<!het )(?<!geen )(?<!leuk )\bwerk\s+ik|^(?:werk|werkt))\s+(?:\w+\s+){0,3}niet\s*(?:meer)?\b"
    r"(?!\s+(?:graag|leuk|fijn|prettig|met|in|bij|als))"
    r"|\b(?:ben|is|raakte|geraakt)\s+(?:\w+\s+){0,3}(?:werk|baan|job|baantje)\s+(?:\w+\s+){0,3}(?:kwijt|verloren)"
    r"|\b(?:werk|baan|job)\s+(?:kwijt|verloren)\s+(?:geraakt|gegaan)|\bzonder\s+(?:werk|baan|job)\b"
    r"|\bwerkloos\s+(?:geraakt|geworden)|\b(?:zit|ben|zat|was)\s+(?:\w+\s+){0,4}thuis\b"
    r"|\bweer\s+(?:gaan\s+)?(?:aan\s+het\s+)?(?:werk(?:en)?|slag)\b|\bsta\s+(?:\w+\s+)?op\s+straat\b"
    r"|\b(?:nog\s+)?nooit\s+(?:\w+\s+){0,2}gewerkt\b|\bniet\s+aan\s+het\s+werk\b|\b(?:baan|werk)\s+is\s+weg\b"
    r"|\beruit\s+(?:gegooid|geschopt|gezet)\s+(?:bij|op)\b|\b(?:ontslagen|eruit\s+gegooid|weggestuurd)\s+(?:bij|op)\s+(?:me|mijn|m'n|mn)\s+werk\b"
)
# Wanting work, said by someone who tells no job ("bijstandsmoeder, wil aan het werk").
WIL_WERK = re.compile(
    r"\bwil\s+(?:(?:nu|weer|graag|eindelijk|heel)\s+)*(?:aan\s+het\s+werk|aan\s+de\s+slag|werk|een\s+baan|een\s+baantje|gaan\s+werken|"
    r"beginnen\s+met\s+werken|werken)\b"
)
# Wanting out of the present work: "ik wil daar weg", "geen plezier meer", "iets heel anders".
WIL_WEG = re.compile(
    r"\bwil\s+(?:(?!niet\b)\w+\s+){0,3}(?:weg|anders|iets\s+anders|wat\s+anders|ander\s+werk|andere\s+baan|ander\s+vak)\b"
    r"|\b(?:trek|kan|hou|houd)\s+(?:ik\s+)?(?:het\s+)?(?:niet|nie)\s+meer\b|\bniet\s+meer\s+vol\b"
    r"|\b(?:geen|niet)\s+(?:\w+\s+){0,2}(?:plezier|zin|blij|leuk|gelukkig|fijn)\b|\biets\s+(?:\w+\s+)?anders\b"
    r"|\b(?:rug|knie|lichaam|lijf|schouders?)\s+(?:\w+\s+){0,3}(?:niet|nie)\s+meer\b"
)
# Still at school or just left it: "ik zit in havo 5", "klaar met de middelbare", "niet meer naar school".
SCHOOL = r"(?:school|middelbare|opleiding|studie|examen|eindexamen|mbo|havo|vwo|vmbo|mavo|hbo|\w+school|\w+opleiding|laatste\s+jaar|examenjaar)"
# Told by one's employer to learn ("moet van mijn baas een cursus doen"), or a teacher's
# "bevoegdheid" (only someone who teaches needs one): working and growing in the job.
MOET_VAN_WERK = re.compile(
    r"\bmoet\s+(?:\w+\s+)?van\s+(?:mijn|m'n|me|mn|de|het|onze)\s+"
    r"(?:werk|baas|werkgever|leidinggevende|teamleider|chef|manager|directeur|directie|bedrijf|zaak)\b|\bbevoegdheid\b"
)
OP_SCHOOL = re.compile(
    rf"\b(?:zit|ben|zitten)\s+(?:nu\s+|nog\s+)?(?:in|op)\s+(?:de\s+|het\s+|mijn\s+|m'n\s+|me\s+)?(?:{SCHOOL}|klas|\d)\b"
    rf"|\blaatste\s+(?:school)?jaar\s+(?:van\s+|op\s+)?(?:de\s+|het\s+)?{SCHOOL}|\blaatste\s+schooljaar\b"
    r"|\bschool\b(?:\s+\w+){0,3}\s+(?:eruit|weggestuurd|gestuurd)\b"
)
# Done with school: a school leaver, unless the message tells another situation ("nu werk ik ...").
SCHOOL_KLAAR = re.compile(
    r"\b(?:net|pas|vorig\s+jaar|deze\s+zomer)\s+(?:mijn\s+|m'n\s+|me\s+|het\s+)?(?:\w+\s+)?diploma\b|"
    rf"\b(?:klaar|stop|stoppen|gestopt|afgestudeerd|geslaagd|van)\s+(?:met\s+|voor\s+|van\s+|op\s+)?(?:de\s+|het\s+|mijn\s+|m'n\s+|me\s+)?{SCHOOL}\b"
    r"|\b(?:ben|was|zijn)\s+(?:\w+\s+){0,3}geslaagd\b(?!\s+voor\s+(?:mijn\s+|m'n\s+|het\s+|de\s+)?(?:rijbewijs|theorie))|\bexamen\s+(?:\w+\s+)?(?:gedaan|gehaald|gemaakt)\b"
    rf"|\bniet\s+meer\s+naar\s+(?:school|de\s+\w+)\b|\b{SCHOOL}\s+(?:\w+\s+)?(?:afgemaakt|gehaald|afgerond)\b"
    r"|\bdiploma\s+(?:\w+\s+)?(?:binnen|op\s+zak)\b"
)
FAMILIE = re.compile(r"\b(?:ouders|broers|zussen|dochters|zonen|kinderen|kids|kleinkinderen|jaar|jaren|uur|uren)\b")
# -- the benefit question: "none" said in many ways, and a benefit that has ended ---------------
GEEN_UITKERING_ANTWOORD = re.compile(
    r"^(?:nee+[jn]?|nope|nop|no|niks|niets|nada|noppes|geen|neen)\b"
    r"|\b(?:krijg|heb|ontvang)\s+(?:ik\s+)?(?:\w+\s+){0,2}(?:niks|niets|geen|nie|niet)\b|\b(?:niks|niets|niemand|nergens)\b"
    r"|\bnooit\s+(?:een\s+)?(?:uitkering|ww|bijstand)\b|\bniet\s+aangevraagd|\bspaargeld|\beigen\s+(?:geld|inkomen|spaargeld)|\bleef\s+van\b|\bnvt\b|\bniet\s+van\s+toepassing"
    r"|\b(?:mijn|m'n|me|mn)\s+(?:man|vrouw|partner|vriend|vriendin|ouders|moeder|vader)\s+(?:werkt|verdient|betaalt|zorgt)"
)
# Said in a free message: only plain words ("ik krijg niks", "geen uitkering").
GEEN_UITKERING_ZIN = re.compile(
    r"\b(?:krijg|ontvang)\s+(?:ik\s+)?(?:\w+\s+){0,2}(?:niks|niets|geen\s+uitkering)\b|\bzonder\s+(?:uitkering|ww|bijstand)\b"
    r"|\bnooit\s+(?:een\s+)?(?:uitkering|ww|bijstand)\b"
)
# A benefit that was, or is not: "mijn ww is op", "geen bijstand", "ik had ww".
VOORBIJ = re.compile(
    r"^\s*(?:is|was)?\s*(?:net|al|pas|inmiddels|sinds\s+kort)?\s*(?:op|afgelopen|voorbij|gestopt|gestopt|beeindigd|beëindigd|over)\b|^\s*(?:stopt|loopt\s+af)\b"
)
NIET_MEER_ERVOOR = re.compile(
    r"\b(?:geen|niet|niks|niets|had|kreeg|vroeger|eerst)\s+"
    r"(?:(?!(?:wel|maar|nu|alleen|zit|zat|heb|krijg|ontvang|sta|want|dus)\b)\w+\s+){0,5}$"
)  # "niks van de gemeente of het uwv" denies both; "geen ww, wel bijstand" and "geen werk en zit in de bijstand" do not
# A denial that opens the answer to the benefit question and is not taken back ("nee niks van de
# gemeente of het uwv"), where no benefit is said without a denial before it.
ONTKENNING_VOORAAN = re.compile(r"^(?:nee+n?|nope|niks|niets|geen|nada)\b(?!.*\b(?:maar|wel|alleen)\b)")
# -- an age said in passing, beyond leeftijd.band_in_zin: "ben trouwens 52", "ik ben jan 54 jaar uit
# coevorden", "49 jaar, woon in ...", and "ik word volgende week 18" (so 17 now) ------------------
NA_GETAL_GEEN_LEEFTIJD = (
    r"(?:\s*jaar)?\s+(?:bij|in|als|aan|op|werkzaam|thuis|getrouwd|geleden|werkloos|zzp|zelfstandig|samen|uur|euro|km|"
    r"maanden|weken|kinderen|keer|procent|%)"
)
LEEFTIJD_VRIJ = re.compile(
    rf"\b(?:ben|word|wordt)\s+(?:(?!jaar\b)[a-z]+\s+){{0,2}}?(\d{{2}})\b(?!{NA_GETAL_GEEN_LEEFTIJD})"
    r"|\b(\d{2})\s+jaar\s*(?:oud\b|[,.;!?]|$)"
)
WORDT_NOG = re.compile(r"\b(?:word|wordt)\s+(?:(?:volgende|deze|over|binnenkort|straks|in)\s+)?(?:\w+\s+)?\d{2}\b")
IS_VRAAG = re.compile(
    r"\?|^\s*(?:wat|hoe|wie|waar|wanneer|waarom|welke|welk|hoeveel|kan|kun|kunt|kunnen|mag|is|zijn|wordt|betaalt|kost|"
    r"heeft|hebben\s+jullie|moet\s+ik|krijg\s+ik\s+(?:dan|ook|nog|er)|vertel|leg|uitleg)\b"
)
CORRECTIE_WOORD = re.compile(r"\b(?:nee|toch|bedoel|sorry|verkeerd)\b")
AMBIGU = "?"

VOLGORDE_NIVEAU_LAGER = {
    "vmbo": "geen", "mbo1": "geen", "mbo2": "mbo1", "mbo3": "mbo2", "mbo4": "mbo3",
    "havo": "vmbo", "vwo": "havo", "hbo": "mbo4", "wo": "vwo",
}  # fmt: skip


@dataclass(frozen=True)
class Uitkomst:
    """The code found for a slot (or None) and how: code, nummer, term, lemma, fuzzy, postcode,
    weet_niet, ambigu or onbekend."""

    code: str | None
    hoe: str


ONBEKEND = Uitkomst(None, "onbekend")


def schoon(tekst: str) -> str:
    """Lowercase, NFKC, no control or direction marks, single spaces, at most MAX_LENGTE chars."""
    tekst = unicodedata.normalize("NFKC", tekst or "")[:MAX_LENGTE]
    tekst = ONZICHTBAAR.sub(" ", tekst).lower()
    tekst = re.sub(r"[^\w\s'&/-]", " ", tekst)
    tekst = re.sub(r"(?<=[a-z])-(?=\d)", " ", tekst)  # "mavo-4" = "mavo 4"
    tekst = LETTERS.sub(lambda m: m.group(0).replace(" ", ""), tekst)  # spelled out: "w w" = "ww"
    return re.sub(r"\s+", " ", tekst).strip()


MIJN = re.compile(r"\b(?:mijn|m'n|mn|me)\s")


def _varianten(term: str) -> list[str]:
    """The typed forms of a term: with "mijn" also "m'n", "mn", "me" ("mijn werk"); with a hyphen
    also a space or nothing ("emmer compascuum", "nieuw amsterdam" is not Amsterdam)."""
    varianten: list[str] = []
    if MIJN.search(term):
        varianten += [MIJN.sub(f"{v} ", term) for v in ("mijn", "m'n", "mn", "me")]
    if "-" in term:
        varianten += [term.replace("-", " "), term.replace("-", "")]
    return varianten


# The generic last part of a compound whose first part tells the sector: "schoonmaakbedrijf",
# "installatiebedrijf", "thuiszorgmedewerker", "zorginstelling" (Dutch compounds put the head last).
KOPPEN = (
    "bedrijf", "bedrijfje", "bedrijven", "sector", "branche", "wereld", "vak", "werk", "werker", "werkers",
    "medewerker", "medewerkster", "medewerkers", "instelling", "organisatie", "centrum", "zaak", "zaakje",
    "opleiding", "cursus", "diploma", "baan", "baantje", "job", "functie", "afdeling", "team", "bureau",
)  # fmt: skip
LINK = ("", "s", "en", "e")  # linking sounds between the parts: "bakker-s-winkel", "bloem-en-kwekerij"


@lru_cache(maxsize=1)
def lemmatizer() -> Callable[[str], list[str]] | None:
    """spaCy's Dutch lookup lemmatizer (spacy-lookups-data); None when spaCy is unavailable. Loading
    its tables takes seconds: the action server does it at start-up (actions/__init__.py)."""
    try:
        import spacy

        nlp = spacy.blank("nl")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except Exception:
        return None

    def lemmas(tekst: str) -> list[str]:
        return [t.lemma_.lower() or t.text for t in nlp(tekst)]

    # The other Dutch data load with it (about a second each), at action-server start, not at
    # the first answer that needs them.
    lemma_tabel()
    woordenboek()
    return lemmas


@lru_cache(maxsize=1)
def lemma_tabel() -> Callable[[str], str] | None:
    """simplemma's Dutch lemma table (data inside the package), for the forms spaCy's lookup
    table leaves as they are ("werkte" → "werken", "bossen" → "bos"); None when not installed."""
    try:
        import simplemma
    except ImportError:
        return None
    simplemma.lemmatize("werkte", lang="nl")  # loads the Dutch table now, not at the first answer

    def lemma(woord: str) -> str:
        return simplemma.lemmatize(woord, lang="nl").lower()

    return lemma


@lru_cache(maxsize=1)
def woordenboek() -> frozenset[str] | None:
    """The Dutch words of pyspellchecker's dictionary (data inside the package): a word in it is
    no typo, a word outside it may be one. None when not installed."""
    try:
        from spellchecker import SpellChecker
    except ImportError:
        return None
    return frozenset(SpellChecker(language="nl").word_frequency.dictionary)


def bevat_woorden(tekst: str) -> bool:
    """Does a message hold at least one Dutch word (of the dictionary)? "qwerty" or "xyzzy" does
    not, whatever intent NLU gives it. True when no dictionary is installed."""
    woorden = woordenboek()
    if woorden is None:
        return True
    return any(w in woorden for w in re.findall(r"[a-zà-ÿ]+", tekst.lower()))


def lemmatiseer(tekst: str) -> str:
    f = lemmatizer()
    woorden = tekst.split()
    lemmas = f(tekst) if f else woorden
    if len(lemmas) != len(woorden):
        return " ".join(lemmas)
    tabel = lemma_tabel()
    if tabel is None:
        return " ".join(lemmas)
    return " ".join(tabel(w) if lemma == w else lemma for w, lemma in zip(woorden, lemmas, strict=True))


class Normaliseerder:
    """Matches text against the vocabulary; built once per vocabulary (compiled patterns)."""

    def __init__(self, vocab: Vocabulaire, lemmas: bool = True):
        self.vocab = vocab
        self.lemmas = lemmas
        self._termen: dict[str, list[tuple[str, str]]] = {}
        self._patroon: dict[str, re.Pattern[str]] = {}
        for soort in ("sector", "niveau", "situatie", "uitkering", "regio"):
            paren: list[tuple[str, str]] = []
            for begrip in vocab.begrippen(soort):
                for term in {schoon(begrip.code.replace("_", " ")), schoon(begrip.naam), *(schoon(t) for t in begrip.termen)}:
                    for variant in _varianten(term):
                        if variant not in {t for t, _ in paren}:
                            paren.append((variant, begrip.code))
                    if term and term != "geen":  # bare "geen" only counts as a whole answer
                        paren.append((term, begrip.code))
            paren.sort(key=lambda p: (-len(p[0]), p[0]))
            self._termen[soort] = paren
            alternatieven = "|".join(re.escape(t) for t, _ in paren)
            self._patroon[soort] = re.compile(rf"(?<![\w-])({alternatieven})(?![\w-])")
        self._code_van: dict[str, dict[str, str]] = {s: dict(p) for s, p in self._termen.items()}
        self._sector_cache: dict[str, str] = {}
        self._losse_woorden: dict[str, list[str]] = {s: sorted(t for t in c if " " not in t) for s, c in self._code_van.items()}
        self._plaatsen_van: dict[str, set[str]] = {}
        for plaats, regio in self._code_van["regio"].items():
            self._plaatsen_van.setdefault(regio, set()).add(plaats)

    # -- single slot -----------------------------------------------------------------------
    def normaliseer(self, slot: str, tekst: str, opties: Sequence[str] = (), fuzzy: bool = True) -> Uitkomst:
        """The code for `slot` in `tekst`, the answer to that slot's question. `fuzzy=False`
        when the message already answered something else: then only exact words count."""
        if slot == "leeftijd":
            return self._leeftijd(tekst, opties)
        soort = SLOT_SOORT[slot]
        if not fuzzy and soort not in ("uitkering", "niveau"):
            return self.exact(slot, tekst)
        t = schoon(tekst)
        if not t:
            return ONBEKEND
        codes = self.vocab.codes(slot)
        if t in codes:
            return Uitkomst(t, "code")
        if (nr := self._nummer(t)) is not None:
            if 1 <= nr <= len(opties) and opties[nr - 1] in codes:
                return Uitkomst(opties[nr - 1], "nummer")
            return ONBEKEND
        if soort == "regio" and (m := POSTCODE.search(t)):
            code = self.vocab.regio_van_postcode(int(m.group(1)))
            return Uitkomst(code, "postcode") if code else Uitkomst(None, "onbekende_postcode")
        if soort == "uitkering" and (code := self._uitkering(t, antwoord=not WEET_NIET.search(t))):
            return Uitkomst(code, "term")
        if soort == "niveau" and (niveau := self._niveau(t)):
            return ONBEKEND if niveau == AMBIGU else Uitkomst(niveau, "term")
        gevonden = self._zoek_term(soort, t, streng=False)
        if gevonden is None and soort == "sector" and self._alleen_ontkend(t):
            return ONBEKEND  # "in ieder geval niet meer de schoonmaak": only what one does not want
        if gevonden is None and self.lemmas:
            lemma_tekst = lemmatiseer(t)
            if lemma_tekst != t:
                gevonden = self._zoek_term(soort, lemma_tekst, streng=False)
                if gevonden:
                    gevonden = Uitkomst(gevonden.code, "lemma")
        if gevonden is None and WEET_NIET.search(t):
            return Uitkomst(None, "weet_niet")  # "weet ik niet" is no typo of "Weert"
        if gevonden is None and fuzzy:
            gevonden = self._fuzzy(soort, t)
        if gevonden is None:
            return Uitkomst(None, "weet_niet") if WEET_NIET.search(t) else ONBEKEND
        if soort == "niveau" and gevonden.code and self._niet_afgemaakt(t):
            return Uitkomst(VOLGORDE_NIVEAU_LAGER.get(gevonden.code, gevonden.code), "niet_afgemaakt")
        return gevonden

    def _niveau(self, t: str) -> str | None:  # a code, AMBIGU or None
        """The highest finished level a message tells, its levels weighed: a level said as a goal
        does not count ("wil dat ik niveau 3 haal"), a level left without diploma counts as the
        level below, unless an earlier level was finished ("havo gedaan, daarna hbo maar gestopt"
        → havo). Bare "geen diploma" only when no level is named."""
        delen: list[tuple[int, int, str]] = []
        for m in MBO_NIVEAU.finditer(t):
            if not re.match(r"\s*jaar\b", t[m.end() :]):  # "mbo 1 jaar": a year of mbo
                delen.append((m.start(), m.end(), f"mbo{TELWOORD.get(m.group(1) or m.group(2), m.group(1) or m.group(2))}"))
        for m in self._patroon["niveau"].finditer(t):
            if SCHOOL_ALS_WERKPLEK.search(t[: m.start()]):
                continue  # "juf op een basisschool": where one works, not a level
            if not any(a < m.end() and m.start() < b for a, b, _ in delen):
                delen.append((m.start(), m.end(), self._code_van["niveau"][m.group(1)]))
        for m in BARE_MBO.finditer(t):
            if not any(a < m.end() and m.start() < b for a, b, _ in delen):
                delen.append((m.start(), m.end(), "mbo?"))  # some mbo, level unknown
        delen.sort()
        niveaus = [
            d for d in delen
            if d[2] != "geen" and not NIVEAU_DOEL_ERVOOR.search(t[: d[0]][-40:]) and not NIVEAU_DOEL_ERNA.match(t[d[1] :])
        ]  # fmt: skip
        if not niveaus:
            return "geen" if any(code == "geen" for *_, code in delen) else None
        af: list[str] = []
        niet_af: list[str] = []
        for i, (begin, eind, code) in enumerate(niveaus):
            volgende = niveaus[i + 1][0] if i + 1 < len(niveaus) else len(t)
            stuk = t[eind:volgende]
            if i + 1 < len(niveaus) and (g := GESTOPT_MET.search(stuk)):
                stuk = stuk[: g.start()]  # "gestopt met het hbo" is about the next level
            zonder = (NIET_AF.search(stuk) or GESTOPT_MET.search(t[:begin])) and not NIVEAU_AF.match(stuk.strip())
            zonder = zonder and "diploma" not in t[begin:eind]  # "vwo diploma en toen gestopt met studeren"
            zonder = zonder or bool(NOG_BEZIG.search(t[:begin][-50:]) or KLAAR_LATER.search(t[:begin][-60:]))  # still in it
            (niet_af if zonder and code not in ("geen",) else af).append(code)
        rang = self.vocab.niveau_rang
        if "mbo?" in af:
            return AMBIGU  # "vmbo en toen mbo": which mbo level? the intake asks
        af = [c for c in af if c in rang]
        if af:
            return max(af, key=lambda c: rang[c])
        onaf = [c for c in niet_af if c in rang]
        return VOLGORDE_NIVEAU_LAGER.get(max(onaf, key=lambda c: rang[c])) if onaf else None

    def _niet_afgemaakt(self, t: str) -> bool:
        """'niet afgemaakt' said about the level, unless the vocabulary term already includes it
        (e.g. the term "havo niet afgemaakt" is itself vmbo)."""
        return bool(NIET_AF.search(self._patroon["niveau"].sub(" ", t)))

    def exact(self, slot: str, tekst: str) -> Uitkomst:
        """Only a code or a vocabulary word, no numbers, fuzzy matches or bare "nee": for values
        NLU found in a sentence, which may not be an answer to this slot's question."""
        if slot == "leeftijd":
            t = schoon(tekst)
            return Uitkomst(t, "code") if t in leeftijd.CODES else ONBEKEND
        t = schoon(tekst)
        if t == "geen":
            return ONBEKEND  # "geen werk", "geen idee": a bare "geen" in a sentence says nothing
        if t in self.vocab.codes(slot):
            return Uitkomst(t, "code")
        soort = SLOT_SOORT[slot]
        if soort == "regio" and (m := POSTCODE.fullmatch(t)):
            code = self.vocab.regio_van_postcode(int(m.group(1)))
            return Uitkomst(code, "postcode") if code else ONBEKEND
        return self._zoek_term(soort, t, streng=True) or ONBEKEND

    def heel_antwoord(self, slot: str, tekst: str, opties: Sequence[str] = ()) -> str | None:
        """The code when the whole message is an answer to this slot's question ("coevorden",
        "9401", "2", "mavo"), whatever NLU thought the intent was; None otherwise."""
        if slot == "leeftijd":
            return self._leeftijd(tekst, opties).code
        t = schoon(tekst)
        if t in self.vocab.codes(slot):
            return t
        if (nr := self._nummer(t)) is not None:
            return opties[nr - 1] if 1 <= nr <= len(opties) and opties[nr - 1] in self.vocab.codes(slot) else None
        soort = SLOT_SOORT[slot]
        if soort == "regio" and (m := POSTCODE.fullmatch(t)):
            return self.vocab.regio_van_postcode(int(m.group(1)))
        return self._code_van[soort].get(t)

    def antwoord_in_zin(self, slot: str, tekst: str, opties: Sequence[str] = ()) -> str | None:
        """The answer to `slot` in a plain statement, not a question: by the words of the vocabulary,
        or a typo of one in a short message ("bystand"). None for a question ("wat is bbl?")."""
        if IS_VRAAG.search((tekst or "").lower()):
            return None
        uitkomst = self.normaliseer(slot, tekst, opties, fuzzy=len(schoon(tekst).split()) <= 3)
        return uitkomst.code if uitkomst.hoe != "nummer" else None

    def is_code(self, slot: str, waarde: object) -> bool:
        if slot == "leeftijd":
            return isinstance(waarde, str) and waarde in leeftijd.CODES
        return isinstance(waarde, str) and waarde in self.vocab.codes(slot)

    def _leeftijd(self, tekst: str, opties: Sequence[str]) -> Uitkomst:
        """An age band: a band code, the number of an option ("2"), or a typed age ("44")."""
        t = schoon(tekst)
        if t in leeftijd.CODES:
            return Uitkomst(t, "code")
        nr = self._nummer(t)
        if nr is not None and nr < leeftijd.MIN_LEEFTIJD:
            if 1 <= nr <= len(opties) and opties[nr - 1] in leeftijd.CODES:
                return Uitkomst(opties[nr - 1], "nummer")
            return ONBEKEND
        if WORDT_NOG.search(t) and (jaren := leeftijd.jaren_in_tekst(t)):
            return Uitkomst(leeftijd.band_van(jaren - 1), "term")  # "ik word volgende week 18": 17 now
        if band := leeftijd.band_in_tekst(t):
            return Uitkomst(band, "term")
        return Uitkomst(None, "weet_niet") if WEET_NIET.search(t) else ONBEKEND

    # -- several slots in one message ----------------------------------------------------------
    def vind_in_tekst(self, tekst: str) -> dict[str, str]:
        """Unambiguous answers anywhere in a free message, e.g. "ben werkloos wil naar de bouw
        woon in emmen" → situatie, doel_sector, regio. Only exact words, no guessing."""
        t = schoon(tekst)
        gevonden: dict[str, str] = {}
        if not t:
            return gevonden
        situatie = self._situatie(t)  # also "I work" in passing: that tells the sector's role below
        sterk = self._situatie(t, zwak=False) or self._situatie_uit_sectoren(t)
        if sterk and sterk != AMBIGU:  # an own business, alone or with staff? the intake asks
            gevonden["situatie"] = sterk
        if uitkering := self._uitkering(t, antwoord=False):
            gevonden["uitkering"] = uitkering
        niveau = self._niveau_in_tekst(t)
        if niveau:
            gevonden["opleidingsniveau"] = niveau
        regio = self._regio_in_tekst(t)
        if regio:
            gevonden["regio"] = regio
        if band := self._leeftijd_in_zin(tekst):
            gevonden["leeftijd"] = band
        # A sector said without a cue word is the present work of someone who tells they work
        # ("zelfstandige in de thuiszorg", "de schoonmaak, ik wil wat anders").
        heeft_werk = situatie in ("eigen_werk", "zzp", "werkgever") or (
            situatie == "overstap" and (WIL_WEG.search(t) or BAAN_GAAT_WEG.search(t))
        )
        for rol, code in self._sectoren_met_rol(t):
            if rol == "zwak_huidig":
                rol = None
            slot = {"doel": "doel_sector", "huidig": "huidige_sector"}.get(rol or ("huidig" if heeft_werk else ""))
            if slot and slot not in gevonden:
                gevonden[slot] = code
        if gevonden.get("situatie") == "werkgever" and "doel_sector" in gevonden:
            gevonden.setdefault("huidige_sector", gevonden["doel_sector"])  # the staff's sector
        huidig, doel = gevonden.get("huidige_sector"), gevonden.get("doel_sector")
        if huidig and doel and huidig != doel and gevonden.get("situatie") in (None, "eigen_werk"):
            gevonden["situatie"] = "overstap"  # works in one sector, wants another: switching work
        # Staying where one works ("wil daar teamleider worden"): the goal is the present sector;
        # not when the job goes away or the person wants out ("de fabriek waar ik werk gaat dicht").
        if "huidige_sector" in gevonden and BLIJVEN.search(t) and gevonden.get("situatie") not in ("overstap", "werkzoekend"):
            gevonden.setdefault("doel_sector", gevonden["huidige_sector"])
        return gevonden

    def gemeente_in_tekst(self, tekst: str, regio: str | None) -> str | None:
        """The gemeente a place name or postcode in the message tells, when it lies in `regio`;
        None when the message names only a region ("twente") or a place we cannot place."""
        t = schoon(tekst)
        plaatsen = self._plaatsen_van.get(regio or "", set())
        for tekst_ in (t, self._verbeterd("regio", t)):  # "tilbrug": the region came from the corrected word
            for m in self._patroon["regio"].finditer(tekst_):
                plaats = m.group(1)
                if plaats in plaatsen and (gemeente := self.vocab.gemeente_van_plaats.get(plaats)):
                    return gemeente
        for m in POSTCODE.finditer(t):
            postcode = int(m.group(1))
            if self.vocab.regio_van_postcode(postcode) == regio and (gemeente := self.vocab.gemeente_van_postcode(postcode)):
                return gemeente
        return None

    @staticmethod
    def is_oorzaak(tekst: str, begin: object) -> bool:
        """Is the word at `begin` in `tekst` named as a cause ("door automatisering")?"""
        return isinstance(begin, int) and bool(OORZAAK.search(schoon(tekst[:begin]) + " "))

    @staticmethod
    def geen_eigen_niveau(tekst: str, begin: object, eind: object = None) -> bool:
        """Is the school at `begin` in `tekst` not the person's own finished level: where they work
        ("juf op een basisschool") or what they want ("ik wil naar het hbo")?"""
        if not isinstance(begin, int):
            return False
        ervoor = schoon(tekst[:begin]) + " "
        erna = " " + schoon(tekst[eind:]) if isinstance(eind, int) else ""
        return bool(SCHOOL_ALS_WERKPLEK.search(ervoor) or NIVEAU_DOEL_ERVOOR.search(ervoor[-40:]) or NIVEAU_DOEL_ERNA.match(erna))

    def sectoren_zonder_rol(self, tekst: str) -> list[str]:
        return [code for rol, code in self._sectoren_met_rol(schoon(tekst)) if rol is None]

    # -- compounds -------------------------------------------------------------------------------
    def _samenstelling(self, woord: str) -> str | None:
        """The sector word inside a compound that is not itself in the vocabulary: its last part
        when that is a sector word ("ouderenzorg", "bakkerswinkel"), else its first part when
        the rest is a generic head ("installatiebedrijf", "thuiszorgmedewerker"); parts of
        "assistent-accountant"."""
        termen = self._code_van["sector"]
        if woord in termen or len(woord) < 7 or (not woord.isalpha() and "-" not in woord):
            return None
        if "-" in woord:
            return next((d for d in reversed(woord.split("-")) if d in termen), None)
        for i in range(3, len(woord) - 3):
            staart = woord[i:]
            if staart in termen and len(staart) >= 4 and self._is_woord(woord[:i]):
                return staart
        for i in range(len(woord) - 3, 3, -1):
            kop, rest = woord[:i], woord[i:]
            for link in LINK:
                if link and not kop.endswith(link):
                    continue
                stam = kop[: len(kop) - len(link)] if link else kop
                if len(stam) >= 4 and stam in termen and self._is_kop(rest):
                    return stam
        return None

    def _is_woord(self, deel: str) -> bool:
        return len(deel) >= 3

    def _is_kop(self, deel: str) -> bool:
        """A generic head of a compound: one of KOPPEN, or any Dutch word of the dictionary
        ("provinciehuis", "verzorgingstehuis")."""
        woorden = woordenboek()
        return deel in KOPPEN or (woorden is not None and len(deel) >= 4 and deel in woorden)

    def _sector_tekst(self, t: str) -> str:
        """`t` with each compound of a sector word replaced by that word (see _samenstelling)."""
        if (klaar := self._sector_cache.get(t)) is not None:
            return klaar
        uit = " ".join(self._samenstelling(w) or w for w in t.split())
        if len(self._sector_cache) > 10_000:
            self._sector_cache.clear()
        self._sector_cache[t] = uit
        return uit

    # -- helpers ---------------------------------------------------------------------------------
    @staticmethod
    def _nummer(t: str) -> int | None:
        if m := NUMMER.match(t):
            return int(m.group(1))
        woorden = t.split()
        for w in woorden[:3]:
            if w in RANGTELWOORD and len(woorden) <= 3:
                return RANGTELWOORD[w]
        return None

    def _alleen_ontkend(self, t: str) -> bool:
        """Does the message name sectors only after "niet"?"""
        t = self._sector_tekst(t)
        matches = list(self._patroon["sector"].finditer(t))
        return bool(matches) and all(NIET_DAAR.search(t[: m.start()]) for m in matches)

    def _sector_codes(self, t: str) -> list[str]:
        """The sectors of the whole words of `t`, in order, leaving out the subject a teacher
        teaches ("docent bouwtechniek" is onderwijs)."""
        return [
            self._code_van["sector"][m.group(1)]
            for m in self._patroon["sector"].finditer(t)
            if not ONDERWERP_VAN_LES.search(t[: m.start()]) and not NIET_DAAR.search(t[: m.start()])
        ]

    def _zoek_term(self, soort: str, t: str, streng: bool) -> Uitkomst | None:
        if soort == "situatie":
            code = self._situatie(t)
            if code in (None, "eigen_werk") and (uit_sectoren := self._situatie_uit_sectoren(t)):
                code = uit_sectoren  # "ik werk als schoonmaker maar wil naar de zorg": switching
            return None if code is None else Uitkomst(None, "ambigu") if code == AMBIGU else Uitkomst(code, "term")
        if soort == "sector":
            heel = self._sector_codes(t)  # whole words first: "gemeente, op het stadskantoor" is not a kantoor job
            if heel:
                return Uitkomst(heel[-1], "term") if len(set(heel)) == 1 or not streng else None
            t = self._sector_tekst(t)
        if soort == "niveau" and (m := MBO_NIVEAU.search(t)):
            cijfer = m.group(1) or m.group(2)
            return Uitkomst(f"mbo{TELWOORD.get(cijfer, cijfer)}", "term")
        matches = list(self._patroon[soort].finditer(t))
        if soort == "sector":
            matches = [
                m for m in matches if not ONDERWERP_VAN_LES.search(t[: m.start()]) and not NIET_DAAR.search(t[: m.start()])
            ]
        if soort == "regio" and any(self.vocab.gemeente_van_plaats.get(m.group(1)) for m in matches):
            matches = [m for m in matches if self.vocab.gemeente_van_plaats.get(m.group(1))]  # "meppel drenthe"
        codes = {self._code_van[soort][m.group(1)] for m in matches}
        if len(codes) == 1:
            return Uitkomst(codes.pop(), "term")
        if len(codes) > 1:
            # Several different answers: take the last one said ("nee toch liever techniek").
            laatste = self._code_van[soort][matches[-1].group(1)]
            return Uitkomst(laatste, "term") if not streng else None
        return None

    def _situatie_uit_sectoren(self, t: str) -> str | None:
        """Working now in one line of work and wanting a job in the same one is growing; in another
        one, switching: "ik ben onderwijsassistent en wil juf worden"."""
        if not WERKT_NU_ALS.search(t) or WERKT_NIET.search(t):
            return None
        rollen = self._sectoren_met_rol(t)
        huidig = [c for r, c in rollen if r == "huidig"]
        doel = [c for r, c in rollen if r == "doel"]
        if not huidig or not doel:
            return None
        return "eigen_werk" if doel[-1] == huidig[0] else "overstap"

    def _situatie(self, t: str, zwak: bool = True) -> str | None:
        """The situation a message tells, all its cues weighed (SITUATIE_VOORRANG); AMBIGU for an
        own business without a word about staff; None when it tells none. `zwak`: also take
        "I work" said in passing as growing in the job (right as the answer to the situation
        question, too quick in a first message: "ik werk bij de ah" may be someone who wants out)."""
        z = " ".join(w for w in t.split() if w not in VULWOORDEN)
        treffers = [(m.start(), self._code_van["situatie"][m.group(1)]) for m in self._patroon["situatie"].finditer(z)]
        codes = {c for _, c in treffers}
        zonder_familie = FAMILIE.sub(" ", z)
        eigenaar = bool(EIGENAAR.search(z)) or bool(EIGEN_BEDRIJF.search(z))
        staf = bool(MET_STAF.search(zonder_familie) or WIJ_BEDRIJF.search(z) or MET_PERSONEEL.search(z))
        if (eigenaar or codes & {"zzp", "werkgever"}) and GEEN_STAF.search(z):
            codes.discard("werkgever")  # "eigen baas, geen mensen in dienst"
            codes.add("zzp")
        elif staf:
            codes.add("werkgever")
        elif eigenaar and ALLEEN.search(z):
            codes.add("zzp")
        elif eigenaar and "werkgever" not in codes:
            return AMBIGU  # an own business, alone or with staff? the intake asks
        if WERKT_NIET.search(z):
            codes.add("werkzoekend")
        if BAAN_GAAT_WEG.search(z):
            codes.add("overstap")
        if "werkzoekend" in codes and (STRAKS_KWIJT.search(z) or STRAKS.search(z) or WERKT_NOG.search(z)):
            codes.discard("werkzoekend")  # "ik word werkloos", "ik werk nog wel maar ...": switching
            codes.add("overstap")
        if WIL_WERK.search(z) and not codes and not WERKT_NU.search(z) and not WERKT_NOG.search(z):
            codes.add("werkzoekend")
        if WIL_WEG.search(z) and not codes & {"schoolverlater", "werkzoekend"}:
            codes.add("overstap")
        if OP_SCHOOL.search(z):
            codes.add("schoolverlater")
        if BLIJVEN.search(z):
            codes.add("eigen_werk")
        if MOET_VAN_WERK.search(z) and not codes & {"werkgever", "zzp", "werkzoekend"}:
            return "eigen_werk"  # the employer wants it: growing in the job, whatever school is named
        if not codes and self._uitkering(z, antwoord=False) in ("ww", "bijstand"):
            codes.add("werkzoekend")  # "WW, mbo 2 afgerond": a diploma of long ago, now on a benefit
        if SCHOOL_KLAAR.search(z) and not codes and not WERKT_NU.search(z):
            codes.add("schoolverlater")
        if zwak and (WERKT_NOG.search(z) or WERKT_NU.search(z)) and not codes:
            codes.add("eigen_werk")  # working now and nothing more said: growing in the job
        if len(codes) > 1 and CORRECTIE_WOORD.search(z) and treffers:
            return treffers[-1][1]  # "nee toch zzp": the last one said
        return next((c for c in SITUATIE_VOORRANG if c in codes), None)

    def _uitkering(self, t: str, antwoord: bool) -> str | None:
        """The benefit a message tells: the last one said that is not over or denied ("mijn ww
        is op, nu zit ik in de bijstand"); else "geen" when none is said in any way (`antwoord`:
        the message answers the benefit question, so a bare "nee" or "niks" counts)."""
        laatste = None
        for m in self._patroon["uitkering"].finditer(t):
            code = self._code_van["uitkering"][m.group(1)]
            if code != "geen" and (VOORBIJ.match(t[m.end() :]) or NIET_MEER_ERVOOR.search(t[: m.start()])):
                code = "geen"
            if code != "geen" or laatste is None:
                laatste = code
        if laatste:
            return laatste
        if antwoord and ONTKENNING_VOORAAN.search(t):
            return "geen"
        if antwoord and re.search(r"\bgemeente\b", t) and not re.search(r"\b(?:uwv|ww)\b", t):
            return "bijstand"  # the answer to the benefit question: the gemeente pays bijstand
        if antwoord and re.search(r"\buwv\b", t):
            return "ww"
        if (GEEN_UITKERING_ANTWOORD if antwoord else GEEN_UITKERING_ZIN).search(t):
            return "geen"
        return None

    @staticmethod
    def _leeftijd_in_zin(tekst: str) -> str | None:
        """The age band of an age stated in a free message ("ik ben jan, 54 jaar"), or None."""
        ruw = re.sub(r"\s+", " ", (tekst or "").lower())
        m = LEEFTIJD_VRIJ.search(ruw)
        if not m:
            return leeftijd.band_in_zin(ruw)
        jaren = int(m.group(1) or m.group(2))
        if not leeftijd.MIN_LEEFTIJD <= jaren <= leeftijd.MAX_LEEFTIJD:
            return None
        return leeftijd.band_van(jaren - 1 if WORDT_NOG.search(ruw) or re.search(r"\bbijna\s+\d", ruw) else jaren)

    def _enig(self, soort: str, t: str) -> str | None:
        codes = {self._code_van[soort][m.group(1)] for m in self._patroon[soort].finditer(t)}
        return codes.pop() if len(codes) == 1 else None

    def _niveau_in_tekst(self, t: str) -> str | None:
        code = self._niveau(t)
        if code == AMBIGU:
            return None
        genoemd = {self._code_van["niveau"][m.group(1)] for m in self._patroon["niveau"].finditer(t)}
        if (
            code == "geen"
            and genoemd <= {"geen"}
            and not MBO_NIVEAU.search(t)
            and not re.search(r"\b(geen\s+diploma|basisschool|lagere\s+school|niks\s+afgemaakt|nooit\s+(een\s+)?diploma)\b", t)
        ):
            return None  # a bare "geen" in a free sentence is not an answer about school
        return code

    def _regio_in_tekst(self, t: str) -> str | None:
        for m in self._patroon["regio"].finditer(t):
            plaats = m.group(1)
            if plaats in GEWONE_WOORDEN and not WOON_CONTEXT.search(t[: m.start()]):
                continue
            return self._code_van["regio"][plaats]
        for m in POSTCODE.finditer(t):
            if WOON_CONTEXT.search(t[: m.start()]) or len(t) <= 8:
                code = self.vocab.regio_van_postcode(int(m.group(1)))
                if code:
                    return code
        return None

    def _sectoren_met_rol(self, t: str) -> list[tuple[str | None, str]]:
        uit: list[tuple[str | None, str]] = []
        t = self._sector_tekst(t)
        for m in self._patroon["sector"].finditer(t):
            ervoor = NU_NA_WENS.sub(r"\1", " ".join(t[: m.start()].split()[-7:]))
            rol: str | None = None
            # The nearest cue word before the sector decides its role.
            doel = [d.end() for d in DOEL_CONTEXT.finditer(ervoor)]
            huidig = [h.end() for h in HUIDIG_CONTEXT.finditer(ervoor)]
            if doel or huidig:
                rol = "doel" if max(doel, default=-1) >= max(huidig, default=-1) else "huidig"
            if OORZAAK.search(t[: m.start()]) or ONDERWERP_VAN_LES.search(t[: m.start()]):
                continue  # a cause ("door automatisering") or what a teacher teaches: no role at all
            if NIET_DAAR.search(t[: m.start()]):
                rol = "huidig"  # "ik wil niet meer in de zorg werken": the work to leave
            elif re.match(r"\s+naar\b", t[m.end() :]) and re.search(r"\bvan\s+(?:de\s+|het\s+)?$", t[: m.start()]):
                rol = "huidig"  # "van de kassa naar de zorg"
            elif rol is None and re.search(r"\b(?:bij|op)\s+(?:de|een|het)\s+$", t[: m.start()]):
                rol = "zwak_huidig"  # "reorganisatie bij de bank": the present work of someone who works
            uit.append((rol, self._code_van["sector"][m.group(1)]))
        return uit

    def _spelling(self, soort: str, t: str) -> Uitkomst | None:
        """Typo correction before fuzzy matching (`_verbeterd`), then the exact terms."""
        verbeterd = self._verbeterd(soort, t)
        if verbeterd == t:
            return None
        gevonden = self._zoek_term(soort, verbeterd, streng=False)
        return Uitkomst(gevonden.code, "spelling") if gevonden and gevonden.code else None

    def _verbeterd(self, soort: str, t: str) -> str:
        """A word that is not Dutch (pyspellchecker's dictionary) and not in the vocabulary, one
        edit (a swap counts as one) from the words of exactly one code ("vmob" → vmbo, "bystand"
        → bijstand), is read as that word."""
        woorden = woordenboek()
        if woorden is None:
            return t
        termen = self._code_van[soort]
        nieuw: list[str] = []
        for w in t.split():
            if len(w) >= 3 and w not in woorden and w not in termen and w.isalpha():
                grens = 1 if len(w) <= 5 else 2
                kandidaten = [k for k in self._losse_woorden[soort] if abs(len(k) - len(w)) <= 1 and OSA.distance(w, k) <= grens]
                if len({termen[k] for k in kandidaten}) == 1:
                    w = kandidaten[0]
            nieuw.append(w)
        return " ".join(nieuw)

    def _fuzzy(self, soort: str, t: str) -> Uitkomst | None:
        if gecorrigeerd := self._spelling(soort, t):
            return gecorrigeerd
        woorden = t.split()
        if len(woorden) > 8:
            return None
        stukken = {" ".join(woorden[i : i + n]) for n in (1, 2, 3) for i in range(len(woorden) - n + 1)}
        beste: dict[str, float] = {}
        for stuk in stukken:
            if len(stuk) < 4:
                continue
            for term, code in self._termen[soort]:
                if len(term) < 4 or abs(len(term) - len(stuk)) > 3:
                    continue
                score = fuzz.ratio(stuk, term)
                drempel = 80 if len(term) >= 6 else 88
                if score >= drempel and score > beste.get(code, 0):
                    beste[code] = score
        if not beste:
            return None
        gesorteerd = sorted(beste.items(), key=lambda kv: -kv[1])
        if len(gesorteerd) > 1 and gesorteerd[0][1] - gesorteerd[1][1] < 3:
            return None  # two different answers fit equally well: don't guess
        return Uitkomst(gesorteerd[0][0], "fuzzy")
