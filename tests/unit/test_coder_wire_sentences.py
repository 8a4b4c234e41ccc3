"""Everyday wire-service sentences of our own, one per common phrasing: type, actor and recipient."""

from __future__ import annotations

import datetime as dt

import pytest

from stream.extract.coder import code_article

PUBLISHED = dt.date(1996, 3, 6)


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        (
            "Chinese Foreign Minister Wang Yi met his Australian counterpart Penny Wong in Beijing.",
            "CONSULT",
            {"CHN"},
            {"AUS"},
        ),
        (
            "The European Union imposed sanctions on Iranian officials over the crackdown.",
            "SANCTION",
            {"IGO"},
            {"IRN"},
        ),
        ("Hungary's prime minister vetoed the EU aid package for Ukraine.", "REJECT", {"HUN"}, {"IGO"}),
        (
            "Israeli warplanes struck Hezbollah positions in southern Lebanon overnight.",
            "ASSAULT",
            {"ISR"},
            {"LBN"},
        ),
        ("Pakistan expelled two Indian diplomats on Thursday.", "SANCTION", {"PAK"}, {"IND"}),
        ("Saudi Arabia and Iran agreed to restore diplomatic relations.", "AGREE", {"SAU", "IRN"}, set()),
        (
            "Turkish President Recep Tayyip Erdogan spoke by phone with Russian President Vladimir Putin.",
            "CONSULT",
            {"TUR"},
            {"RUS"},
        ),
        ("The United States urged China to release detained Canadian citizens.", "REQUEST", {"USA"}, {"CHN"}),
        (
            "Thousands of Georgians rallied outside parliament in Tbilisi against the foreign agents law.",
            "PROTEST",
            {"GEO"},
            set(),
        ),
        ("Moscow accused Washington of meddling in its elections.", "ACCUSE", {"RUS"}, {"USA"}),
        ("Japan pledged $500 million in aid to the Philippines.", "AGREE", {"JPN"}, {"PHL"}),
        (
            "Sudanese paramilitary forces attacked a camp for displaced people in Darfur.",
            "ASSAULT",
            {"SDN"},
            set(),
        ),
        (
            "North Korea fired two ballistic missiles into the sea, the South Korean military said.",
            "ASSAULT",
            {"PRK"},
            set(),
        ),
        ("Ukrainian forces withdrew from the town of Avdiivka.", "RETREAT", {"UKR"}, set()),
        ("Venezuelan authorities arrested an opposition leader in Caracas.", "COERCE", {"VEN"}, set()),
        ("The Indian government condemned the attack on its embassy in Kabul.", "ACCUSE", {"IND"}, set()),
        ("Kenya will deploy 1,000 police officers to Haiti.", "THREATEN", {"KEN"}, {"HTI"}),
        ("Egypt hosted talks between Israeli and Hamas negotiators in Cairo.", "CONSULT", {"EGY"}, set()),
        (
            "The French president threatened to recall France's ambassador to Algeria.",
            "THREATEN",
            {"FRA"},
            {"DZA"},
        ),
        ("Polish border guards detained dozens of migrants crossing from Belarus.", "COERCE", {"POL"}, set()),
        ("Armenia and Azerbaijan signed a peace treaty in Washington.", "SUPPORT", {"ARM", "AZE"}, set()),
        ("Qatar mediated the release of four Americans held in Iran.", "CONSULT", {"QAT"}, set()),
        (
            "Colombian President Gustavo Petro welcomed the ceasefire with the ELN rebels.",
            "SUPPORT",
            {"COL"},
            set(),
        ),
        ("South African President Cyril Ramaphosa visited Kyiv on Friday.", "CONSULT", {"ZAF"}, {"UKR"}),
        ("Iranian protesters set fire to a police station in Zahedan.", "COERCE", {"IRN"}, set()),
        (
            "The Serbian army was put on high alert after clashes in northern Kosovo.",
            "MOBILIZE",
            {"SRB"},
            set(),
        ),
        ("Niger's military junta ordered French troops to leave the country.", "SANCTION", {"NER"}, {"FRA"}),
        ("Brazil's foreign ministry summoned the Israeli ambassador.", "ACCUSE", {"BRA"}, {"ISR"}),
        (
            "Russian President Vladimir Putin said Ukraine must accept the new territorial realities.",
            "REQUEST",
            {"RUS"},
            {"UKR"},
        ),
        (
            "Mexican security forces killed 12 suspected cartel gunmen in Michoacan.",
            "ASSAULT",
            {"MEX"},
            set(),
        ),
        (
            "German Chancellor Olaf Scholz held talks with Chinese Premier Li Qiang in Berlin.",
            "CONSULT",
            {"DEU"},
            {"CHN"},
        ),
        ("Ethiopian troops crossed into Somalia to fight al-Shabaab militants.", "ASSAULT", {"ETH"}, set()),
        (
            "The Philippines protested to Beijing over the use of water cannon by Chinese vessels.",
            "ACCUSE",
            {"PHL"},
            {"CHN"},
        ),
        ("Russia vetoed a UN Security Council resolution on Syria.", "REJECT", {"RUS"}, {"IGO"}),
        ("Canada suspended arms exports to Turkey.", "SANCTION", {"CAN"}, {"TUR"}),
        ("Gunmen abducted 20 students from a school in northern Nigeria.", "ASSAULT", set(), set()),
        ("The Taliban released two American prisoners in a swap with Washington.", "RETREAT", {"AFG"}, set()),
        (
            "Indian and Chinese troops clashed along the disputed Himalayan border.",
            "ASSAULT",
            {"IND", "CHN"},
            set(),
        ),
        ("Greece recalled its ambassador to Libya for consultations.", "SANCTION", {"GRC"}, set()),
        ("Lebanese protesters stormed the Swedish embassy in Beirut.", "ASSAULT", {"LBN"}, set()),
        ("Hamas fired rockets at Tel Aviv on Saturday.", "ASSAULT", {"PSE"}, {"ISR"}),
        ("Britain announced new sanctions against Russian oligarchs.", "SANCTION", {"GBR"}, {"RUS"}),
        (
            "Iraqi Prime Minister Mohammed Shia al-Sudani called on Turkey to stop its strikes in Kurdistan.",
            "REQUEST",
            {"IRQ"},
            {"TUR"},
        ),
        ("Algeria denied that its troops had crossed into Mali.", "REJECT", {"DZA"}, set()),
        (
            "Finnish President Sauli Niinisto praised Sweden's decision to join NATO.",
            "SUPPORT",
            {"FIN"},
            {"SWE"},
        ),
        (
            "The Chinese embassy in Manila lodged a protest with the Philippine government.",
            "ACCUSE",
            {"CHN"},
            {"PHL"},
        ),
        (
            "Azerbaijani forces launched an offensive in Nagorno-Karabakh on Tuesday.",
            "ASSAULT",
            {"AZE"},
            set(),
        ),
        ("The World Food Programme delivered food aid to Gaza.", "AID", {"IGO"}, {"PSE"}),
        # 1990s wire style
        (
            "Iraq on Monday rejected a United Nations demand to allow weapons inspectors back in.",
            "REJECT",
            {"IRQ"},
            {"IGO"},
        ),
        (
            "Croatian President Franjo Tudjman met Bosnian Serb leaders in Zagreb on Tuesday.",
            "CONSULT",
            {"HRV"},
            {"BIH"},
        ),
        (
            "Chinese Premier Li Peng arrived in Tokyo on Sunday for a five-day official visit.",
            "CONSULT",
            {"CHN"},
            {"JPN"},
        ),
        (
            "South Korea on Friday accused North Korea of sending spies across the border.",
            "ACCUSE",
            {"KOR"},
            {"PRK"},
        ),
        (
            "The Zairean government has expelled a Belgian diplomat, the Belgian foreign ministry said.",
            "SANCTION",
            {"COD"},
            {"BEL"},
        ),
        (
            "Hundreds of students demonstrated in Jakarta on Wednesday against rising prices.",
            "PROTEST",
            {"IDN"},
            set(),
        ),
        (
            "Tamil Tiger rebels attacked an army camp in northern Sri Lanka, killing 30 soldiers.",
            "ASSAULT",
            {"LKA"},
            {"LKA"},
        ),
        ("The Security Council voted to impose an arms embargo on Rwanda.", "SANCTION", {"IGO"}, {"RWA"}),
        ("Jordan's King Hussein urged Iraq to comply with U.N. resolutions.", "REQUEST", {"JOR"}, {"IRQ"}),
        (
            "Turkish warplanes bombed suspected Kurdish rebel bases in northern Iraq on Thursday.",
            "ASSAULT",
            {"TUR"},
            {"IRQ"},
        ),
        ("Russia and Chechen separatists signed a ceasefire agreement in Nazran.", "RETREAT", {"RUS"}, set()),
        ("The Indian government banned a Sikh militant group on Saturday.", "COERCE", {"IND"}, set()),
        ("Syria denied that it was harbouring Kurdish guerrillas.", "REJECT", {"SYR"}, set()),
        ("Albanian police arrested three ethnic Greeks near the border.", "COERCE", {"ALB"}, {"ALB"}),
        ("Egypt offered to mediate between Israel and the Palestinians.", "AGREE", {"EGY"}, set()),
        (
            "The European Union threatened to suspend aid to Kenya unless it holds free elections.",
            "THREATEN",
            {"IGO"},
            {"KEN"},
        ),
        (
            "Israeli soldiers shot dead a Palestinian youth in Hebron on Friday, witnesses said.",
            "ASSAULT",
            {"ISR"},
            {"PSE"},
        ),
        ("Nigerian military rulers freed 20 political prisoners on Monday.", "RETREAT", {"NGA"}, set()),
        (
            "Greek Prime Minister Andreas Papandreou praised the agreement signed by Israel and the PLO.",
            "SUPPORT",
            {"GRC"},
            set(),
        ),
        (
            "Pakistan recalled its high commissioner from New Delhi after the riots.",
            "SANCTION",
            {"PAK"},
            {"IND"},
        ),
        (
            "Angolan government troops launched an offensive against UNITA rebels in the north.",
            "ASSAULT",
            {"AGO"},
            {"AGO"},
        ),
        (
            "Thousands of Serbs protested in Belgrade against the government of Slobodan Milosevic.",
            "PROTEST",
            {"SRB"},
            set(),
        ),
        (
            "Washington has warned Pyongyang that it faces sanctions if it does not allow inspections.",
            "THREATEN",
            {"USA"},
            {"PRK"},
        ),
        (
            "Burundi's army killed 40 Hutu rebels in fighting near the capital, a military spokesman said.",
            "ASSAULT",
            {"BDI"},
            set(),
        ),
        # releases, aid, pacts, repression
        ("Israel agreed on Sunday to release 400 Palestinian prisoners.", "AGREE", {"ISR"}, set()),
        ("The Bosnian Serbs handed over 30 Moslem prisoners to the Red Cross.", "RETREAT", {"BIH"}, set()),
        (
            "Cuba has granted asylum to two Colombian rebels, the foreign ministry said.",
            "AID",
            {"CUB"},
            {"COL"},
        ),
        ("The World Bank approved a $200 million loan to Ghana on Thursday.", "AID", {"IGO"}, {"GHA"}),
        ("Rwandan rebels agreed to lay down their arms under the peace plan.", "AGREE", {"RWA"}, set()),
        ("Syria and Lebanon signed a defence pact in Damascus on Friday.", "SUPPORT", {"SYR", "LBN"}, set()),
        ("Iran appealed to the United Nations to stop the Iraqi attacks.", "REQUEST", {"IRN"}, {"IGO"}),
        (
            "Nepalese police fired tear gas at stone-throwing demonstrators in Kathmandu.",
            "ASSAULT",
            {"NPL"},
            set(),
        ),
        (
            "The Mexican government and Zapatista rebels resumed peace talks in Chiapas.",
            "CONSULT",
            {"MEX"},
            set(),
        ),
        ("Kazakhstan's president praised Russia's role in the region.", "SUPPORT", {"KAZ"}, {"RUS"}),
        ("Peru and Ecuador agreed to a ceasefire in their border war.", "RETREAT", {"PER", "ECU"}, set()),
        ("The Sri Lankan government lifted a curfew in Colombo on Tuesday.", "CONCEDE", {"LKA"}, set()),
        ("Sudan closed its embassy in Kampala and expelled Ugandan diplomats.", "SANCTION", {"SDN"}, {"UGA"}),
        ("Chinese troops have massed along the border with Vietnam, Hanoi said.", "MOBILIZE", {"CHN"}, set()),
        (
            "Algeria's military-backed government rejected talks with the Islamic Salvation Front.",
            "REJECT",
            {"DZA"},
            {"DZA"},
        ),
        (
            "Britain and Argentina restored diplomatic relations on Thursday.",
            "SUPPORT",
            {"GBR", "ARG"},
            set(),
        ),
        (
            "Angola's UNITA rebels accused government forces of launching a new offensive.",
            "ACCUSE",
            {"AGO"},
            {"AGO"},
        ),
        ("Indonesia deported three Australian journalists from East Timor.", "COERCE", {"IDN"}, {"AUS"}),
        ("The Palestinian Authority arrested 20 Hamas activists in Gaza.", "COERCE", {"PSE"}, {"PSE"}),
        ("North Korea threatened to withdraw from the nuclear treaty.", "THREATEN", {"PRK"}, set()),
        ("Ethiopia and Eritrea exchanged prisoners of war on Saturday.", "RETREAT", {"ETH", "ERI"}, set()),
        ("Thai police broke up a rally by 5,000 farmers in Bangkok.", "COERCE", {"THA"}, set()),
        # protests lodged, warnings, refusals, titled people
        (
            "Pakistan's foreign ministry on Tuesday lodged a strong protest with India over the shooting of two fishermen.",
            "ACCUSE",
            {"PAK"},
            {"IND"},
        ),
        (
            "President Nelson Mandela of South Africa held talks with Zambian President Frederick Chiluba in Lusaka.",
            "CONSULT",
            {"ZAF"},
            {"ZMB"},
        ),
        (
            "Zimbabwe's government seized 800 white-owned farms, the farmers' union said on Monday.",
            "COERCE",
            {"ZWE"},
            set(),
        ),
        (
            "Kenya and Uganda agreed on Friday to set up a joint commission to settle their border dispute.",
            "AGREE",
            {"KEN", "UGA"},
            set(),
        ),
        (
            "Greek Cypriots accused Turkey of violating the island's airspace with military aircraft.",
            "ACCUSE",
            {"CYP"},
            {"TUR"},
        ),
        (
            "The Organisation of African Unity condemned the coup in Sierra Leone and demanded the return of the elected government.",
            "ACCUSE",
            {"IGO"},
            set(),
        ),
        (
            "Israeli Prime Minister Benjamin Netanyahu rejected Syrian demands for a full withdrawal from the Golan Heights.",
            "REJECT",
            {"ISR"},
            {"SYR"},
        ),
        (
            "U.S. Secretary of State Madeleine Albright will visit Beijing next week to discuss trade and human rights.",
            "AGREE",
            {"USA"},
            set(),
        ),
        (
            "Spanish police arrested five suspected members of the Basque separatist group ETA in San Sebastian.",
            "COERCE",
            {"ESP"},
            {"ESP"},
        ),
        (
            "Chechen rebels ambushed a Russian army convoy near Grozny, killing 15 soldiers.",
            "ASSAULT",
            set(),
            {"RUS"},
        ),
        (
            "Morocco and Algeria agreed to reopen their land border after two decades.",
            "AGREE",
            {"MAR", "DZA"},
            set(),
        ),
        (
            "The Chinese government warned Taiwan against moves toward independence.",
            "THREATEN",
            {"CHN"},
            {"TWN"},
        ),
        (
            "Bolivian troops clashed with coca growers blocking a highway near Cochabamba.",
            "ASSAULT",
            {"BOL"},
            set(),
        ),
        (
            "Croatia's Defence Minister Gojko Susak said Croatian troops would not withdraw from the Prevlaka peninsula.",
            "REJECT",
            set(),
            set(),
        ),
        (
            "The Iranian foreign ministry summoned the British charge d'affaires to protest against the remarks.",
            "ACCUSE",
            {"IRN"},
            {"GBR"},
        ),
    ],
)
def test_wire_sentence_codes_expected_event(
    text: str, event_type: str, actors: set[str], recipients: set[str]
) -> None:
    events = code_article("w", text, PUBLISHED)
    matching = [e for e in events if e.event_type == event_type]
    assert matching, f"no {event_type}: {[(e.event_type, e.trigger) for e in events]}"
    assert actors <= {a.country for a in matching[0].actors}
    assert recipients <= {r.country for r in matching[0].recipients}
