#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "rules/embedded.h"
#include "score/features.h"
#include "score/language.h"

using namespace declutter;
using namespace declutter::score;

namespace {
StopwordLists shipped_lists() {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& file : embedded_rule_files())
    if (file.path.substr(0, 10) == "stopwords/") files.emplace_back(std::string(file.path), std::string(file.content));
  Diagnostics diagnostics;
  return StopwordLists::parse(files, diagnostics);
}

std::string detect(const StopwordLists& lists, const std::vector<std::string>& lines) {
  std::vector<Block> blocks(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) blocks[i].text = lines[i];
  const LanguageGuess guess = detect_language(blocks, lists, LanguageThresholds{});
  return guess.language < 0 ? std::string("none") : lists.languages()[static_cast<std::size_t>(guess.language)];
}
}  // namespace

TEST_CASE("language detection names the language of running prose", "[score]") {
  const StopwordLists lists = shipped_lists();
  CHECK(detect(lists, {"Home", "The council said that the new bridge would open in the spring, and that the old one "
                               "is going to be closed for repairs until it is safe again."}) == "en");
  CHECK(detect(lists, {"Der Rat hat beschlossen, dass die neue Brücke im Frühjahr eröffnet wird und die alte bis "
                       "auf Weiteres für den Verkehr gesperrt bleibt, weil sie nicht mehr sicher ist."}) == "de");
  CHECK(detect(lists, {"Le conseil a décidé que le nouveau pont sera ouvert au printemps et que l'ancien restera "
                       "fermé pour des travaux, car il n'est plus sûr pour les voitures et les piétons."}) == "fr");
  CHECK(detect(lists, {"El consejo ha decidido que el nuevo puente se abrirá en la primavera y que el viejo "
                       "estará cerrado por obras, porque ya no es seguro para los coches y los peatones."}) == "es");
  CHECK(detect(lists, {"Совет решил, что новый мост откроют весной, а старый будет закрыт на ремонт, потому что "
                       "он уже не безопасен для машин и для людей, которые по нему ходят."}) == "ru");
  CHECK(detect(lists, {"Rada zdecydowała, że nowy most zostanie otwarty wiosną, a stary będzie zamknięty, "
                       "ponieważ nie jest już bezpieczny dla samochodów i dla ludzi, którzy po nim chodzą."}) == "pl");
  CHECK(detect(lists, {"Kommunen har beslutat att den nya bron ska öppnas till våren och att den gamla ska vara "
                       "stängd, eftersom den inte längre är säker för bilar och för människor som går på den."}) == "sv");
  CHECK(detect(lists, {"Rada rozhodla, že nový most bude otevřen na jaře a starý bude uzavřen kvůli opravám, "
                       "protože už není bezpečný pro auta ani pro lidi, kteří po něm chodí každý den."}) == "cs");
  // Catalan shares some function words with Spanish, Italian and French; its own carry it.
  CHECK(detect(lists, {"El consell municipal ha decidit que el nou pont s'obrirà a la primavera i que el vell estarà "
                       "tancat per obres, perquè ja no és segur per als cotxes ni per a les persones."}) == "ca");
  CHECK(detect(lists, {"Il consiglio ha deciso che il nuovo ponte sarà aperto in primavera e che il vecchio resterà "
                       "chiuso per lavori, perché non è più sicuro per le auto e per i pedoni."}) == "it");
  CHECK(detect(lists, {"O conselho decidiu que a nova ponte será aberta na primavera e que a antiga ficará fechada "
                       "para obras, porque já não é segura para os carros e os pedestres."}) == "pt");
  // Slovak shares many function words with Czech; each still clears the margin over the other.
  CHECK(detect(lists, {"Mestská rada v nedeľu odhlasovala obnovenie prievozu, ktorý spájal mesto s ostrovom, a prvé "
                       "lode môžu vyplávať už budúce leto, ak na to kraj dá peniaze, povedal primátor."}) == "sk");
  CHECK(detect(lists, {"Podľa poslancov sa však ešte nevie, koľko bude stáť nová loď a kto ju bude prevádzkovať, "
                       "pretože mesto na to nemá peniaze a kraj sa ešte nerozhodol."}) == "sk");
  CHECK(detect(lists, {"Podle zastupitelů se však ještě neví, kolik bude stát nová loď a kdo ji bude provozovat, "
                       "protože město na to nemá peníze a kraj se ještě nerozhodl."}) == "cs");
  CHECK(detect(lists, {"Meclis yeni köprünün ilkbaharda açılmasına karar verdi, eski köprü ise artık güvenli "
                       "olmadığı için kapalı kalacak, çünkü o köprü ne arabalar ne de yayalar için güvenli değil."}) == "tr");
  CHECK(detect(lists, {"Dewan memutuskan bahwa jembatan yang baru akan dibuka pada musim semi dan yang lama akan "
                       "ditutup, karena tidak lagi aman untuk mobil dan untuk orang yang berjalan di atasnya."}) == "id");
  CHECK(detect(lists, {"Consiliul a decis că noul pod va fi deschis în primăvară, iar cel vechi va fi închis "
                       "pentru reparații, pentru că nu mai este sigur pentru mașini și pentru oamenii care merg pe el."}) == "ro");
  CHECK(detect(lists, {"A tanács úgy döntött, hogy az új hidat tavasszal nyitják meg, a régit pedig lezárják, "
                       "mert már nem biztonságos sem az autók, sem az emberek számára, akik rajta járnak."}) == "hu");
  CHECK(detect(lists, {"Byrådet har besluttet, at den nye bro skal åbnes til foråret, og at den gamle skal være "
                       "lukket, fordi den ikke længere er sikker for biler og for de mennesker, som går over den."}) == "da-no");
  CHECK(detect(lists, {"Bystyret har bestemt at den nye brua skal åpnes til våren, og at den gamle skal være "
                       "stengt, fordi den ikke lenger er trygg for biler og for folk som går over den hver dag."}) == "da-no");
  CHECK(detect(lists, {"Міська рада вирішила, що новий міст відкриють навесні, а старий буде закритий на ремонт, "
                       "тому що він уже не безпечний для машин і для людей, які по ньому ходять."}) == "uk");
  CHECK(detect(lists, {"Общинският съвет реши, че новият мост ще бъде открит през пролетта, а старият ще остане "
                       "затворен, защото вече не е безопасен за колите и за хората, които минават по него."}) == "bg");
  CHECK(detect(lists, {"Το δημοτικό συμβούλιο αποφάσισε ότι η νέα γέφυρα θα ανοίξει την άνοιξη και ότι η παλιά "
                       "θα μείνει κλειστή, επειδή δεν είναι πια ασφαλής για τα αυτοκίνητα και για τους ανθρώπους."}) == "el");
  CHECK(detect(lists, {"Kaupunginvaltuusto päätti, että uusi silta avataan keväällä ja että vanha on suljettuna "
                       "korjausten ajan, koska se ei ole enää turvallinen autoille eikä ihmisille, jotka kulkevat sen yli."}) == "fi");
  CHECK(detect(lists, {"Hội đồng thành phố đã quyết định rằng cây cầu mới sẽ được mở vào mùa xuân, còn cây cầu cũ "
                       "sẽ bị đóng lại để sửa chữa, vì nó không còn an toàn cho xe và cho những người đi bộ."}) == "vi");
  CHECK(detect(lists, {"Gradsko vijeće je odlučilo da će novi most biti otvoren na proljeće, a stari će biti "
                       "zatvoren zbog popravaka, jer više nije siguran za automobile ni za ljude koji po njemu hodaju."}) == "hr-sr");
  CHECK(detect(lists, {"قرر المجلس البلدي أن الجسر الجديد سيفتح في الربيع، وأن الجسر القديم سيبقى مغلقا من أجل "
                       "الإصلاح، لأنه لم يعد آمنا على السيارات ولا على الناس الذين يمشون عليه كل يوم."}) == "ar");
}

TEST_CASE("language detection stays undecided without enough prose", "[score]") {
  const StopwordLists lists = shipped_lists();
  CHECK(detect(lists, {"Home", "News", "Sport", "Weather", "Contact"}) == "none");
  // Lithuanian and Persian (Arabic script) have no list.
  CHECK(detect(lists, {"Miesto taryba sekmadienį nubalsavo atkurti keltą, kuris jungė miestą su sala, ir pirmieji "
                       "laivai gali išplaukti jau kitą vasarą, jei regionas tam skirs pinigų."}) == "none");
  CHECK(detect(lists, {"شورای شهر روز یکشنبه به بازگشایی خط کشتی رأی داد که شهر را به جزیره وصل می‌کرد و نخستین "
                       "قایق‌ها می‌توانند تابستان آینده راه بیفتند، اگر استان پول آن را بدهد."}) == "none");
  CHECK(detect(lists, {"新しい橋は春に開通する予定で、古い橋は修理のために閉鎖される。"}) == "none");
  std::vector<Block> blocks(1);
  blocks[0].text = "东京的新桥将在春天开通";
  const LanguageGuess guess = detect_language(blocks, lists, LanguageThresholds{});
  CHECK(guess.cjk_chars == 11);
  CHECK(guess.words == 0);
}

TEST_CASE("a block clearly in another language than the page is measured in its own", "[score]") {
  const StopwordLists lists = shipped_lists();
  const std::vector<std::string> lines = {
      "Der Rat hat beschlossen, dass die neue Brücke im Frühjahr eröffnet wird und die alte bis auf Weiteres "
      "für den Verkehr gesperrt bleibt, weil sie nicht mehr sicher ist.",
      "Die Stadt hat dafür einen Kredit aufgenommen, der in den nächsten zwanzig Jahren zurückgezahlt werden soll.",
      "The council said that the new bridge would open in the spring, and that the old one is going to be "
      "closed for repairs until it is safe again.",
      "Die Brücke ist ein Bauwerk."};
  std::vector<Block> blocks(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) blocks[i].text = lines[i];
  std::vector<BlockFeatures> features;
  std::vector<std::uint64_t> keys;
  MeasureScratch scratch;
  LanguageThresholds thresholds;
  const LanguageGuess off = measure_blocks(blocks, lists, thresholds, CharsPerWord{}, features, keys, scratch);
  REQUIRE(lists.languages()[static_cast<std::size_t>(off.language)] == "de");
  const std::uint32_t english_in_german = features[2].stopwords;  // few of its words are German stopwords
  const std::uint32_t german_line = features[3].stopwords;

  thresholds.block_min_hits = 6;
  measure_blocks(blocks, lists, thresholds, CharsPerWord{}, features, keys, scratch);
  CHECK(features[2].stopwords > 2 * english_in_german);  // counted in English now
  CHECK(features[2].stopword_density() > 0.3);
  CHECK(features[3].stopwords == german_line);  // in the page's language: unchanged
}
