/*
** test_phrasings.c: entries of data/verbs/phrasings.txt through the whole
** pipeline (segmenter, tagger, parser, knowledge base, lexicon as shipped):
** the wording of machine-translated news ("struck on", "inflicted the
** blow", "declared about the suspension", "the exit from the treaty") and
** of wire news of all regions, and sports results that code nothing.
*/
#define PIPELINE_DATE "2025-06-01"
#include "pipeline_helpers.h"

/* "Struck on", "inflicted the blow", "the launching of missiles": uses of force (19). */
static void test_strikes(void **state)
{
    (void)state;
    expect("Russia struck on Kharkiv at night.", "RUS*", "UKR*", "195");
    expect("Russian troops inflicted the blow on the energy objects of Ukraine.", "RUS*", "UKR*",
           "195");
    expect("Israel delivered the blow on the southern suburb of Beirut.", "ISR*", "LBN*", "195");
    expect("Iran declared the launching of ballistic missiles on Israel.", "IRN*", "ISR*", "195");
    expect("Ukraine fired ATACMS at the Russian territory.", "UKR*", "RUS*", "195");
    expect("Russia launched 120 Shaheds on Ukraine overnight.", "RUS*", "UKR*", "195");
    /* a launch names its target; an opening salvo is a figure of speech */
    expect_not("North Korea announced the launch of a ballistic missile.", NULL, NULL, "19");
    expect_not("China fired the opening salvo in the trade war.", NULL, NULL, "19");
    expect_not("The union announced the suspension of the strike.", NULL, NULL, "087");
    expect_not("The army took control of the situation.", NULL, NULL, "192");
    expect("Hezbollah announced the launching of the rocket salvo on the military base near Haifa.",
           "LBN*", NULL, "194");
    expect_not("Hezbollah announced the launching of the rocket salvo on the military base near "
               "Haifa.",
               NULL, NULL, "010");
    expect("The suicide bomber of the Islamic State exploded himself in a church in Damascus, "
           "Syria.",
           "IMG*", "SYR*", "1831");
}

/* Exits, breaks and expulsions reduce relations (16). */
static void test_reduce_relations(void **state)
{
    (void)state;
    expect("Hungary announced the exit from the International Criminal Court.", "HUN*", "IGOJUDICC",
           "160");
    expect("Hungary announced its withdrawal from the International Criminal Court.", "HUN*",
           "IGOJUDICC", "160");
    expect("Russia completed the exit from the Treaty on conventional armed forces in Europe.",
           "RUS*", NULL, "160");
    expect("Chad announced the breaking of the agreement of cooperation in the sphere of defence "
           "with France.",
           "TCD*", NULL, "160");
    expect("Ukraine announced the breaking of diplomatic relations with Russia.", "UKR*", "RUS*",
           "161");
    expect("The junta of Burkina Faso expelled the UN coordinator in the country.", "BFA*",
           "IGOUNO", "161");
}

/* Announced acts: the act, not the statement. */
static void test_announced(void **state)
{
    (void)state;
    expect("Hamas announced the suspension of the military operations against Israel.", "PSE*",
           "ISR*", "0871");
    expect("Kataib Hezbollah declared about the suspension of military operations against the "
           "American forces.",
           "IRQ*", "USA*", "0871");
    expect_not("Kataib Hezbollah declared about the suspension of military operations against the "
               "American forces.",
               NULL, NULL, "010");
}

/* Cooperation: aid, intelligence, peacekeeping mandates, apologies, symbolic acts. */
static void test_cooperation(void **state)
{
    (void)state;
    expect("The IMF approved a $7 billion loan for Pakistan.", "IGOBUSIMF", "PAK", "071");
    expect("The IMF approved a new loan to Pakistan.", "IGOBUSIMF", "PAK", "071");
    expect("Greece sent rescue teams to Turkey after the earthquake.", "GRC*", "TUR", "073");
    expect("Qatar sent a plane carrying food and medicine to Afghanistan.", "QAT*", "AFG*", "073");
    expect_not("Qatar sent a plane carrying food and medicine to Afghanistan.", NULL, NULL, "072");
    expect("Washington renewed the transfer of the intelligence data to Kiev.", "USA*", "UKR*",
           "064");
    expect("The Security Council of UNO prolonged the mandate of UNIFIL in Lebanon.", NULL, NULL,
           "074");
    expect("Steinmeier asked the forgiveness from Tanzania for the crimes of the colonial troops.",
           "DEU*", "TZA*", "055");
    expect("Steinmeier asked Tanzania for forgiveness.", "DEU*", "TZA*", "055");
    expect("Zelensky laid the flowers to the Wall of memory in Kiev.", "UKR*", "-", "017");
    expect("Russia completed the withdrawal of its troops from Kherson.", "RUS*", "UKR*", "0874");
}

/* Disapproval and coercion in translated wording. */
static void test_disapprove_coerce(void **state)
{
    (void)state;
    expect("Kiev named it the provocation.", "UKR*", NULL, "111");
    expect("Moscow called the verdict scandalous.", "RUS*", NULL, "111");
    expect("The forces of Salva Kiir placed under the house arrest the vice-president Riek "
           "Machar.",
           NULL, NULL, "173");
}

/* Sports results code nothing: no assault, no fight. */
static void test_sports(void **state)
{
    (void)state;
    expect_not("Argentina beat Colombia 1-0 in the final.", NULL, NULL, "18");
    expect_not("Argentina beat Colombia 1-0 in the final.", NULL, NULL, "19");
    expect_not("Argentina won the Copa America in Miami.", NULL, NULL, "");
    expect_not("India defeated Australia by six wickets in the final.", NULL, NULL, "19");
    expect_not("Spain beat England 2-1 in the Euro 2024 final in Berlin.", NULL, NULL, "18");
    expect_not("Pakistan's cricket team routed Bangladesh by ten wickets.", NULL, NULL, "19");
    expect_not("South Africa beat New Zealand 12-11 in the Rugby World Cup final.", NULL, NULL,
               "18");
    expect_not("France eliminated Morocco from the World Cup with a 2-0 win.", NULL, NULL, "19");
    expect_not("Senegal defeated Egypt on penalties to win the Africa Cup of Nations.", NULL, NULL,
               "19");
    /* a beating is still an assault */
    expect("Soldiers beat the detainees with batons, the group said.", NULL, NULL, "182");
}

/* Machine translation's verbs and nouns for what wire news says otherwise. */
static void test_translated_wording(void **state)
{
    (void)state;
    expect("The Russian troops reflected the attack of the Ukrainian army near Kupyansk.", "RUS*",
           "UKR*", "190");
    expect("Iran presented the ultimatum to the United States.", "IRN*", "USA*", "139");
    expect("Ukraine prolonged the martial law for 90 days.", "UKR*", "-", "1724");
    expect("Putin and Erdogan held the telephone conversation.", "RUS*", "TUR*", "041");
    expect("Moscow laid the responsibility for the attack on Kiev.", "RUS*", "UKR*", "112");
    expect("Germany passed to Ukraine the additional tanks Leopard.", "DEU*", "UKR*", "072");
    expect("The Kremlin refused from the truce.", "RUS*", NULL, "1246");
    expect("The European Union accepted the 14th package of sanctions against Russia.", "IGOEU*",
           "RUS*", "163");
    expect("Russia recognized the government of the Taliban.", "RUS*", "AFG*", "054");
    expect("Putin and Trump conducted the telephone conversation.", "RUS*", "USA*", "041");
    expect("Ukraine renewed the transit of the Russian gas to Europe.", "UKR*", NULL, "061");
    expect("Russia stopped the supplies of gas to Moldova.", "RUS*", NULL, "163");
    expect("The opposition of Georgia carried out the action of protest near the parliament.", NULL,
           NULL, "141");
    expect("The Investigative Committee opened the criminal case against the Ukrainian general.",
           NULL, NULL, "091");
    expect("Lavrov committed the visit to North Korea.", "RUS*", "PRK*", "042");
    expect("Ukraine and Russia carried out the exchange of prisoners.", "UKR*", "RUS*", "0841");
    expect("The army of China conducted the teachings near the border.", "CHN*", NULL, "150");
    expect("Russia came out of the Treaty on open skies.", "RUS*", NULL, "160");
    expect("The European Union prolonged the sanctions against Russia for six months.", "IGOEU*",
           "RUS*", "163");
    expect("The Russian troops conducted the fire on the positions of the Ukrainian army.", "RUS*",
           "UKR*", "190");
    expect("Russia rendered the humanitarian help to Syria.", "RUS*", "SYR*", "073");
    /* readiness reported by a speech verb is left to the act it is readiness for */
    expect("Pashinyan declared the readiness to sign the peace agreement with Baku.", "ARM*", NULL,
           "037");
    expect("Zelensky called Russia to stop the blows on the energy infrastructure.", "UKR*", "RUS*",
           "0256");
    expect("Russia passed to Ukraine the bodies of 6000 fallen soldiers.", "RUS*", "UKR*", "0841");
    expect("The Chinese coast guard expelled the Philippine vessels from the waters of the shoal.",
           "CHN*", "PHL*", "150");
    expect("The Russian troops began the storm of the town Pokrovsk.", "RUS*", "UKR*", "190");
    expect("The Ukrainian saboteurs committed the terrorist act on the railway in the Bryansk "
           "region.",
           NULL, NULL, "180");
}

/* Wire wording of all regions. */
static void test_wire_wording(void **state)
{
    (void)state;
    expect("Estonia requested consultations with NATO under Article 4.", "EST*", "IGOWSTNAT",
           "026");
    /* the giver of what is received is the source */
    expect("Argentina received a new disbursement from the IMF.", "IGOBUSIMF", "ARG*", "071");
    expect("Ukrainian prosecutors opened a war crimes investigation into Russia's air attack.",
           "UKR*", "RUS*", "094");
    expect("The Indian army gave the befitting reply to Pakistan.", "IND*", "PAK*", "190");
    expect("Thailand sent F-16 jets to bomb Cambodian military targets.", "THA*", "KHM*", "195");
    expect_not("Thailand sent F-16 jets to bomb Cambodian military targets.", NULL, NULL, "072");
    expect("A Seoul court approved the arrest of President Yoon Suk Yeol.", "KOR*", "KOR*", "173");
    expect("The Chinese army conducted exercises around the island of Taiwan.", "CHN*", "TWN",
           "150");
    expect("Trump called the prosecution of Bolsonaro a witch hunt.", "USA*", NULL, "111");
    /* tariffs in retaliation are sanctions, warplanes sent into a zone a show of force */
    expect("Beijing retaliated with tariffs on American goods.", "CHN*", "USA*", "163");
    expect_not("Beijing retaliated with tariffs on American goods.", NULL, NULL, "19");
    expect("China sent 30 warplanes into Taiwan's air defence zone.", "CHN*", "TWN*", "150");
    expect_not("China sent 30 warplanes into Taiwan's air defence zone.", NULL, NULL, "072");
    expect("The United States completed its withdrawal from Afghanistan.", "USA*", "AFG*", "0874");
    expect("The IMF approved a $7 billion, 37-month loan for Pakistan.", "IGOBUSIMF", "PAK", "071");
    expect("Israel and Hamas agreed to humanitarian pauses in the fighting in Gaza.", "ISR*",
           "PSE*", "0871");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strikes),
        cmocka_unit_test(test_reduce_relations),
        cmocka_unit_test(test_announced),
        cmocka_unit_test(test_cooperation),
        cmocka_unit_test(test_disapprove_coerce),
        cmocka_unit_test(test_sports),
        cmocka_unit_test(test_translated_wording),
        cmocka_unit_test(test_wire_wording),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
