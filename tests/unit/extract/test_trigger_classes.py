"""Classes of phrasing the hand triggers read (issue 14's fresh-text misses), one sentence of our own each,
and the near-misses of the same words that must stay quiet."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article

PUBLISHED = dt.date(2024, 5, 1)


def _events(text: str) -> list[tuple[str, set[str]]]:
    return [(e.event_type, {a.country or "" for a in e.actors}) for e in code_article("t", text, PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "event_type", "actor_country"),
    [
        # a time adverbial between the verb and its complement
        ("Peru and Chile agreed on Monday to reopen their shared border.", "AGREE", "PER"),
        ("Brazil pledged in March 2023 to end illegal logging in the Amazon.", "AGREE", "BRA"),
        ("Hungary declined in 2019 to sign the migration compact.", "REJECT", "HUN"),
        ("Ghana has committed to sending engineers to the mission in Mali.", "AGREE", "GHA"),
        # verbs of carrying aid, weapons delivered
        ("Norwegian helicopters ferried medicine and blankets to villages cut off by floods.", "AID", "NOR"),
        ("Canadian planes began airdropping food to stranded families in Haiti.", "AID", "CAN"),
        ("Qatar airlifted injured children from Gaza to hospitals in Doha.", "AID", "QAT"),
        ("Spain has sent 40 doctors and nurses to Morocco after the earthquake.", "AID", "ESP"),
        ("Germany delivered the second batch of Leopard tanks to Ukraine.", "AID", "DEU"),
        # force posture
        ("South Korea scrambled fighter jets after Russian bombers neared its airspace.", "MOBILIZE", "KOR"),
        ("Egypt has moved two armoured divisions toward the Libyan border.", "MOBILIZE", "EGY"),
        ("Armed militiamen loyal to Hemedti gathered on the outskirts of Khartoum.", "MOBILIZE", "SDN"),
        ("Pakistan ordered its air defence units onto high alert.", "MOBILIZE", "PAK"),
        ("Iraqi riot police were deployed across Baghdad before the vote.", "MOBILIZE", "IRQ"),
        # nouns and passives read from their subject
        ("The expulsion of four Iranian diplomats was announced by Argentina on Friday.", "SANCTION", "ARG"),
        ("Italy's prime minister tendered his resignation to the president.", "RETREAT", "ITA"),
        ("Indian and Japanese warships began a joint exercise in the Bay of Bengal.", "COOPERATE", "IND"),
        ("France ordered a complete arms and oil embargo against Libya.", "SANCTION", "FRA"),
        # phrasal verbs
        ("Colombian rebels turned over their rifles to United Nations monitors.", "RETREAT", "COL"),
        ("Russia handed back the island to China under the border accord.", "RETREAT", "RUS"),
        ("Iran let U.N. inspectors resume their work at the Natanz site.", "RETREAT", "IRN"),
        ("Russian hackers knocked Estonia's banking websites offline.", "COERCE", "RUS"),
        # verbs whose sense the dictionary left uncoded
        ("Beijing lambasted Manila over the collision in the South China Sea.", "ACCUSE", "CHN"),
        ("Ireland formally recognised the State of Palestine.", "SUPPORT", "IRL"),
        ("Kenya restored internet services in the capital after a week-long shutdown.", "CONCEDE", "KEN"),
        ("Denmark and Sweden have been pooling intelligence on Russian ships.", "COOPERATE", "DNK"),
        ("Ukrainian forces hit a Russian fuel depot with drones overnight.", "ASSAULT", "UKR"),
        ("The Netherlands is freezing development aid to Mali's government.", "SANCTION", "NLD"),
        # refusals, threats and pressure in other words
        ("Venezuela rebuffed a Brazilian demand to publish the vote tallies.", "REJECT", "VEN"),
        ("Turkey's parliament voted down a motion to send troops to Libya.", "REJECT", "TUR"),
        ("Iran renewed its threat to close the Strait of Hormuz.", "THREATEN", "IRN"),
        ("Russia warned it would retaliate against Finland.", "THREATEN", "RUS"),
        ("Poland will reject the plan unless it is changed.", "THREATEN", "POL"),
        ("Madrid pressed Rabat on Friday to take back the migrants.", "REQUEST", "ESP"),
        ("Israel and Syria agreed in principle to resume peace talks.", "AGREE", "ISR"),
        # force posture, ties downgraded, solidarity
        ("Moscow declared a partial mobilisation of reservists.", "MOBILIZE", "RUS"),
        ("India sent an aircraft carrier group into the Arabian Sea.", "MOBILIZE", "IND"),
        ("Lithuania downgraded its diplomatic ties with Belarus.", "SANCTION", "LTU"),
        ("Iran pledged full solidarity with Lebanon.", "SUPPORT", "IRN"),
        ("Mali released a French aid worker held for two years.", "RETREAT", "MLI"),
        # regret in quotes, crowds' acts
        ("The Belgian king expressed 'deepest regret' for the colonial abuses in Congo.", "CONCEDE", "BEL"),
        ("Hundreds of Kenyans chanted slogans against the finance bill in Nairobi.", "PROTEST", "KEN"),
        # exchanges withheld: shipments, deliveries, aid (a sum between), exports controlled, apps banned
        ("Norway halted weapons shipments to Turkey after the incursion.", "SANCTION", "NOR"),
        ("The Dutch government has frozen 20 million euros in development aid to Uganda.", "SANCTION", "NLD"),
        ("Kuwait is cutting off fuel deliveries to Jordan.", "SANCTION", "KWT"),
        ("Australia suspended the export of live cattle to Indonesia.", "SANCTION", "AUS"),
        ("Seoul tightened controls on exports of chips to Moscow.", "SANCTION", "KOR"),
        ("Pakistan blocked several Indian news apps.", "SANCTION", "PAK"),
        # a state's threat as a noun, talks called off before they began, operations wound down
        ("Moscow's threat to cut off gas deliveries to Moldova rattled markets.", "THREATEN", "RUS"),
        ("Tokyo called off a planned meeting with South Korea's foreign minister.", "REJECT", "JPN"),
        ("Venezuela cancelled the next round of negotiations with Guyana.", "REJECT", "VEN"),
        ("Ethiopia wound down its military operations in Tigray.", "RETREAT", "ETH"),
        # a place, its control or sovereignty handed back; positions vacated or abandoned
        ("Russia handed the Kuril island of Shikotan back to Japan.", "RETREAT", "RUS"),
        ("Kenya gave the disputed border post back to Somalia.", "RETREAT", "KEN"),
        ("Ecuador handed over control of the border crossing to Peru.", "RETREAT", "ECU"),
        ("Portugal transferred sovereignty over Macau to China.", "RETREAT", "PRT"),
        ("Azerbaijani troops vacated three villages near the frontier.", "RETREAT", "AZE"),
        ("Israeli troops abandoned their positions in the buffer zone.", "RETREAT", "ISR"),
        ("Colombian guerrillas handed over their last stock of rifles to the monitors.", "RETREAT", "COL"),
        # a wanted person handed to another state's officers or a court
        ("Colombia handed over a drug lord to American authorities.", "COOPERATE", "COL"),
        ("The former militia leader was turned over to the Hague tribunal by Serbia.", "COOPERATE", "SRB"),
        ("Kenya turned the wanted preacher over to Ugandan police.", "COOPERATE", "KEN"),
        # nouns after a possessive: a plea, a condemnation, an endorsement; a rebuff in the passive
        ("Kabul's plea for more wheat went unanswered.", "REQUEST", "AFG"),
        ("Mexico's condemnation of the raid on its embassy was immediate.", "ACCUSE", "MEX"),
        ("Chile's endorsement of Argentina's claim surprised London.", "SUPPORT", "CHL"),
        ("The Qatari offer to host the talks was rebuffed by Cairo.", "REJECT", "EGY"),
        ("Bahrain implored Washington to lift the restrictions.", "REQUEST", "BHR"),
        # backing in other words: standing with, understanding voiced, recognised as legitimate
        ("Poland stands shoulder to shoulder with Ukraine, the president said.", "SUPPORT", "POL"),
        ("Turkey stood firmly behind Azerbaijan during the war.", "SUPPORT", "TUR"),
        ("Hanoi voiced understanding for Phnom Penh's position on the dam.", "SUPPORT", "VNM"),
        ("Spain recognised the opposition council as Venezuela's legitimate government.", "SUPPORT", "ESP"),
        # meetings in other words: a courtesy call paid, received by a host, sat down for talks
        ("Japan's prime minister paid a courtesy call on the Thai king in Bangkok.", "CONSULT", "JPN"),
        ("The Ghanaian foreign minister was received by President Macky Sall in Dakar.", "CONSULT", "GHA"),
        ("Chinese and Indian generals sat down for a new round of talks on the border.", "CONSULT", "CHN"),
        ("Iranian and Saudi diplomats sat down together in Muscat.", "CONSULT", "IRN"),
        # force posture: a long list put on alert, forces moved (passive), a build-up, drills, positions
        (
            "Pakistan put its navy, air force and border units on high alert after the attack.",
            "MOBILIZE",
            "PAK",
        ),
        ("Syrian fighters were moved to the hills above the town, officials said.", "MOBILIZE", "SYR"),
        ("Russian tanks and artillery were sent to the border with Kazakhstan.", "MOBILIZE", "RUS"),
        ("Iran staged live-fire drills near the Strait of Hormuz.", "MOBILIZE", "IRN"),
        ("Houthi rebels reinforced their positions around the port.", "MOBILIZE", "YEM"),
        ("Washington sent an aircraft carrier battle group to the Mediterranean.", "MOBILIZE", "USA"),
        # land occupied, ships sunk
        ("Ethiopian troops occupied a swathe of southern Eritrea.", "ASSAULT", "ETH"),
        ("The Israeli cargo ship was sunk by Iranian commandos in the Gulf.", "ASSAULT", "IRN"),
        # aid in other words: helpers flown in, money deposited, bills paid, food dropped, gifts shipped
        ("Italian rescue teams were flown to Morocco after the earthquake.", "AID", "ITA"),
        ("The UAE deposited $2 billion in Egypt's central bank.", "AID", "ARE"),
        ("Saudi Arabia deposited a further $1 billion with the Pakistani central bank.", "AID", "SAU"),
        ("Qatar bankrolled the Lebanese army's salaries for six months.", "AID", "QAT"),
        ("Jordanian planes dropped food and medicine over northern Gaza.", "AID", "JOR"),
        ("Japan shipped a million vaccine doses to Vietnam.", "AID", "JPN"),
        ("Germany delivered an air defence system to Ukraine.", "AID", "DEU"),
        ("Kenya sent planeloads of maize to Somalia.", "AID", "KEN"),
        # a party dissolved, citizenship stripped
        ("Myanmar's junta dissolved the main opposition party.", "COERCE", "MMR"),
        ("Bahrain stripped 138 dissidents of their citizenship.", "COERCE", "BHR"),
        # a withdrawal's noun in its own passive; an envoy's recall as a noun
        ("Ethiopia said the withdrawal of its soldiers from Somalia was completed.", "RETREAT", "ETH"),
        ("Moscow said the pullout of its forces from Kherson had been carried out.", "RETREAT", "RUS"),
        # protest in other words: a walkout staged, tools downed, a ministry besieged, marching in thousands
        ("Serbian students staged a walkout from the national assembly.", "PROTEST", "SRB"),
        ("Nigerian oil workers downed tools over unpaid wages.", "PROTEST", "NGA"),
        ("Hundreds of Bolivian miners besieged the ministry building in La Paz.", "PROTEST", "BOL"),
        ("Thousands of Chileans marched in their thousands through Santiago.", "PROTEST", "CHL"),
        # agreement in other words, a party unbanned, hostages rescued, warships dispatched
        ("Sudan and South Sudan finalised the text of a border agreement.", "AGREE", "SDN"),
        ("Cuba said it stood ready to resume talks with Washington.", "AGREE", "CUB"),
        ("The Kenyan government unbanned the main opposition party.", "CONCEDE", "KEN"),
        ("Tunisia legalised the Islamist Ennahda party.", "CONCEDE", "TUN"),
        ("Peruvian commandos rescued 25 hostages from the Japanese ambassador's residence.", "AID", "PER"),
        ("India dispatched two warships to the Gulf of Aden.", "MOBILIZE", "IND"),
        # jets pounding a place, trade resumed (the noun is the trigger, its parties after)
        ("Russian warplanes pounded rebel-held towns in Idlib.", "ASSAULT", "RUS"),
        ("Saudi jets pound Houthi positions in Sanaa", "ASSAULT", "SAU"),
        ("Turkish warplanes battered Kurdish positions in northern Iraq.", "ASSAULT", "TUR"),
        ("Trade between India and Pakistan resumed across the Wagah border.", "COOPERATE", "IND"),
        # a passive's subject with a longer participle phrase before the auxiliary
        (
            "Thirty Sri Lankan fishermen held near the maritime border were freed by India on Friday.",
            "RETREAT",
            "IND",
        ),
    ],
)
def test_phrasing_class_codes_its_event(text: str, event_type: str, actor_country: str) -> None:
    events = _events(text)
    assert any(t == event_type and actor_country in countries for t, countries in events), events


@pytest.mark.parametrize(
    "text",
    [
        "The Canadian oil company cut off supplies to customers who had not paid.",
        "Puerto Rico restored electricity to 20,000 homes after the hurricane.",
        "Fans gathered at the stadium in Madrid on Sunday.",
        "Amazon delivered parcels to customers by drone in Texas.",
        "The striker hit the post with a shot in the second half.",
        "Mexico declined in 2019 to comment on the report.",
        "Britain and France have been pooling resources for the satellite project.",
        "She pressed the button to start the machine.",
        "Apple warned it would miss its sales target.",
        "The bank downgraded its outlook for growth.",
        "Fans expressed solidarity with the injured player.",
        "The courier stopped deliveries in the flooded district.",
        "The school banned mobile phones and gaming apps in classrooms.",
        "The airline cancelled its flights to Lisbon because of the storm.",
        "The band called off its concert tour.",
        "Rising costs pose a threat to the economy.",
        "The Brazilian carmaker halted exports after a fire at its plant.",
        "The tenants vacated the building after the fire.",
        "The Japanese company abandoned its base case forecast.",
        "The Spanish club handed over control of its academy to a new director.",
        "The court refused to hear the plea for bail.",
        "The striker stood firmly with his teammates.",
        "The actor was received by fans at the airport.",
        "The singer paid a visit to the children's hospital.",
        "Investors voiced understanding for the delay.",
        "The ferry sank in a storm off Sumatra.",
        "The Dutch bank deposited its reserves at the central bank.",
        "Fans dropped flowers on the pitch.",
        "The band dissolved after the tour.",
        "The Swedish startup reinforced its positions in the Asian market.",
        "Spanish fans walked out of the stadium in disgust.",
        "The Australian lifeguard rescued two swimmers from the sea.",
        "Fans surrounded the team's hotel in Madrid.",
        "The Korean carmaker recalled 2 million vehicles.",
        "Qantas reported a record profit on strong demand for travel.",
        "Chile's copper exports rose despite weak demand in China.",
        "The Indian grandmaster resigned the game after a blunder.",
        "The Mexican boxing champion from Tijuana defended his title.",
        "Three Kenyan fishermen missing off the coast since Monday were found by rescuers.",
    ],
)
def test_near_miss_of_a_new_phrasing_stays_quiet(text: str) -> None:
    assert _events(text) == []
