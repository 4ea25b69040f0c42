#include "text/stopwords.h"

#include <map>

#include "text/split.h"

namespace precis {
namespace {

// Compact lists of the most frequent function words (pronouns, articles, auxiliaries,
// prepositions, conjunctions) per language. They only decide which word pairs count as content,
// so a short, high-precision list is better than an exhaustive one.
const std::map<std::string, const char*>& raw_lists() {
  static const std::map<std::string, const char*> lists = {
      {"en",
       "a about above after again against all also am an and any are as at be because been "
       "before being below between both but by can could did do does doing down during each few "
       "for from further had has have having he her here hers herself him himself his how i if "
       "in into is it its itself just me more most my myself no nor not now of off on once only "
       "or other our ours ourselves out over own s same she should so some such t than that the "
       "their theirs them themselves then there these they this those through to too under until "
       "up very was we were what when where which while who whom why will with would you your "
       "yours yourself yourselves said says say mr mrs ms may might must shall us one two also "
       "it's don't didn't won't can't isn't wasn't aren't weren't he's she's they're we're i'm "
       "there's that's who's what's let's"},
      {"de",
       "aber alle allem allen aller alles als also am an ander andere anderem anderen anderer "
       "anderes auch auf aus bei bin bis bist da damit dann das dass dein deine dem den der des "
       "dessen die dies diese diesem diesen dieser dieses doch dort du durch ein eine einem einen "
       "einer eines er es euer eure für hat hatte hatten hier hin hinter ich ihm ihn ihr ihre "
       "im in ist jede jedem jeden jeder jedes jener jetzt kann kein keine können mein meine mit "
       "muss nach nicht nichts noch nun nur ob oder ohne sehr sein seine sich sie sind so solche "
       "soll sondern über um und uns unser unter vom von vor war waren warst was weil welche wenn "
       "werden wie wieder will wir wird wo wurde wurden zu zum zur zwar zwischen"},
      {"fr",
       "au aux avec ce ces cette dans de des du elle en et eux il ils je la le les leur lui ma "
       "mais me même mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son "
       "sur ta te tes toi ton tu un une vos votre vous c d j l à m n s t y été être avoir a ont "
       "est sont était étaient fait comme aussi plus très sans sous entre après avant"},
      {"es",
       "a al algo algunas algunos ante antes como con contra cual cuando de del desde donde "
       "durante e el ella ellas ellos en entre era es esa esas ese eso esos esta estaba estado "
       "estas este esto estos fue fueron ha han hasta hay la las le les lo los más me mi mis "
       "mucho muy nada ni no nos nosotros o os otra otras otro otros para pero poco por porque "
       "que quien se ser si sido sin sobre su sus también tanto te tiene tienen todo todos tu "
       "tus un una uno unos y ya yo"},
      {"it",
       "a ad al alla alle allo ai agli anche avere c che chi ci come con contro cui da dal dalla "
       "dei del della delle dello degli di e è ed egli era essere fra gli ha hanno i il in io la "
       "le lei lo loro lui ma mi ne nei nel nella noi non o per perché più quale quando quella "
       "quello questa questo se si sia sono su sua sue suo suoi tra tu un una uno voi"},
      {"pt",
       "a ao aos as até com como da das de do dos e ela elas ele eles em entre era essa esse "
       "esta este eu foi foram há isso isto já lhe mais mas me mesmo meu minha muito na nas não "
       "nem no nos nós o os ou para pela pelas pelo pelos por qual quando que quem se sem ser "
       "seu sua são também te tem um uma você"},
      {"nl",
       "aan al als bij dan dat de der des die dit door een en er had heb hebben heeft hem het "
       "hij hoe hun ik in is je kan maar me meer men met mij mijn na naar niet nog nu of om "
       "ons ook op over te tot u uit van veel voor was wat we wel werd wie wij worden zal ze "
       "zei zich zij zijn zo zou"},
  };
  return lists;
}

}  // namespace

const WordSet& stopwords_for(std::string_view language_code) {
  // Built once on first use; the map of sets lives for the whole program.
  static const std::map<std::string, WordSet> sets = [] {
    std::map<std::string, WordSet> m;
    for (const auto& [code, words] : raw_lists()) {
      for (std::string_view w : split_spaces(words)) m[code].insert(std::string(w));
    }
    return m;
  }();
  static const WordSet empty;
  const auto it = sets.find(std::string(language_code));
  return it == sets.end() ? empty : it->second;
}

}  // namespace precis
