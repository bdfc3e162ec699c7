#include "text/language.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

using policyq::detect_language;

namespace {
std::string read_language_test_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("the bundled English policy is detected as English") {
  const std::string text = read_language_test_file(std::filesystem::path(POLICYQ_SOURCE_DIR) / "corpus/noip-privacy-policy.md");
  REQUIRE(!text.empty());
  CHECK(detect_language(text) == "en");
}

TEST_CASE("one paragraph is enough to recognise each main language") {
  CHECK(detect_language("We do not sell your personal information. We share it with the service providers "
                        "that help us run the Service, and only for the purposes described in this policy.") == "en");
  CHECK(detect_language("Nous ne vendons pas vos données personnelles. Nous les partageons avec les prestataires "
                        "qui nous aident à fournir le service, et uniquement pour les finalités décrites dans cette "
                        "politique.") == "fr");
  CHECK(detect_language("Wir verkaufen Ihre personenbezogenen Daten nicht. Wir geben sie an Dienstleister weiter, "
                        "die uns bei der Bereitstellung des Dienstes unterstützen, und nur für die in dieser "
                        "Erklärung beschriebenen Zwecke.") == "de");
  CHECK(detect_language("No vendemos sus datos personales. Los compartimos con los proveedores de servicios que nos "
                        "ayudan a prestar el servicio, y solo para las finalidades descritas en esta política.") == "es");
  CHECK(detect_language("Non vendiamo i tuoi dati personali. Li condividiamo con i fornitori che ci aiutano a "
                        "fornire il servizio, e solo per le finalità descritte nella presente informativa della "
                        "società.") == "it");
  CHECK(detect_language("Não vendemos os seus dados pessoais. Compartilhamos os dados com os prestadores de serviços "
                        "que nos ajudam a prestar o serviço, e apenas para as finalidades descritas nesta política "
                        "do site.") == "pt");
  CHECK(detect_language("Wij verkopen uw persoonsgegevens niet. Wij delen ze met de dienstverleners die ons helpen "
                        "de dienst te leveren, en alleen voor de doeleinden die in deze verklaring worden "
                        "beschreven. Het is voor ons belangrijk.") == "nl");
}

TEST_CASE("French text full of English brand names is still French") {
  CHECK(detect_language("Nous utilisons Google Analytics, Facebook Pixel et The Trade Desk pour mesurer l'audience. "
                        "Les données collectées par ces outils sont conservées pendant treize mois. Vous pouvez "
                        "vous opposer à ce traitement dans le Cookie Center de notre site.") == "fr");
}

TEST_CASE("English text with a French company name and Inc. is still English") {
  CHECK(detect_language("This policy is published by Société Générale des Données Inc. and applies to all of "
                        "the services that we offer. If you have questions, you can contact our team at any time "
                        "and we will answer within thirty days.") == "en");
}

TEST_CASE("too little text, or none, is undetermined") {
  CHECK(detect_language("") == "und");
  CHECK(detect_language("Privacy Policy") == "und");
  CHECK(detect_language("# 1.\n\n* [Home](https://example.com/the/and/of)\n") == "und");
  CHECK(detect_language("12345 67890 !!! ???") == "und");
}

TEST_CASE("words inside URLs do not count as prose") {
  std::string links;
  for (int i = 0; i < 20; ++i) links += "[x](https://example.com/the-privacy/and/of-you/) ";
  CHECK(detect_language(links) == "und");
}

TEST_CASE("Chinese text is recognised by its script") {
  CHECK(detect_language("我们深知个人信息对你的重要性，你的信任对我们非常重要，我们将按照法律法规的规定并参照行业最佳实践"
                        "保护你的个人信息及隐私安全。") == "zh");
}

TEST_CASE("only the beginning of a very long text is examined") {
  std::string text;
  while (text.size() < 300 * 1024) text += "We keep the data that you give us for as long as your account is open. ";
  for (int i = 0; i < 20000; ++i) text += "Nous conservons les données que vous nous donnez. ";
  CHECK(detect_language(text) == "en");
}

TEST_CASE("every shared real-world policy gets a language, mostly English and French") {
  const std::filesystem::path dir = std::filesystem::path(POLICYQ_SHARED_DIR) / "data/policies";
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("skipped: " << dir.string() << " does not exist");
    return;
  }
  std::map<std::string, int> count;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".md") continue;
    ++files;
    const std::string lang = detect_language(read_language_test_file(entry.path()));
    INFO(entry.path().filename().string());
    CHECK(lang != "und");
    ++count[lang];
  }
  REQUIRE(files > 0);
  CHECK(count["en"] > files / 2);
  CHECK(count["fr"] > 0);
  for (const char* name : {"AdopteUnMec.md", "Air_France.md", "Boulanger.md"}) {
    if (std::filesystem::exists(dir / name)) CHECK_MESSAGE(detect_language(read_language_test_file(dir / name)) == "fr", name);
  }
}
