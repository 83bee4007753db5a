/**
 * A small bundled list of passwords and words that attackers try first: the most common passwords of the large
 * public breach corpora (the well-known top lists: 123456, password, qwerty, iloveyou, …) and common Dutch words
 * and names people build passwords from (welkom, wachtwoord, zomer, the months and days, football clubs, cities).
 * Lower case, letters and digits as typed. `controleerBekend` (wachtwoord.ts) also refuses a variation: the same
 * word with digits or signs around it, or repeated (`Welkom123welkom!`).
 *
 * Kept short on purpose: the full breach corpora are large and change; zxcvbn's dictionaries (common, Dutch)
 * cover the long tail. Add words here when a security review finds them accepted.
 */
const LIJST = `
123456 123456789 12345678 12345 1234567 1234567890 1234 111111 000000 123123 654321 666666 121212 112233
123321 555555 777777 7777777 11111111 987654321 159753 131313 696969 123qwe 1q2w3e4r 1q2w3e 1qaz2wsx qazwsx
qwerty qwertyuiop qwerty123 azerty asdfgh asdfghjkl zxcvbn zxcvbnm abc123 abcdef abcd1234 aaaaaa
password passw0rd password1 p4ssw0rd pass wachtwoord wachtw00rd paswoord password123 admin admin123 administrator
root toor login letmein welcome welcome1 master secret access trustno1 iloveyou lovely love princess
dragon monkey shadow sunshine football baseball soccer hockey superman batman starwars pokemon killer hunter
buster harley tigger charlie robert thomas daniel michael jennifer jessica michelle ashley nicole matthew andrew
joshua amanda george taylor jordan mustang ranger pepper ginger maggie cheese freedom thunder matrix summer
winter spring autumn flower computer internet whatever nothing qwertz changeme default guest user test
welkom welkom01 welkom123 hallo hoi doei geheim geheimpje liefde schat schatje lieverd knuffel prinses
zomer winter lente herfst voorjaar najaar vakantie zonnetje zonneschijn regenboog bloem tulp roos
januari februari maart april mei juni juli augustus september oktober november december
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
voetbal ajax feyenoord psv azalkmaar fcutrecht vitesse twente oranje nederland holland
amsterdam rotterdam utrecht denhaag eindhoven groningen tilburg almere breda nijmegen haarlem
hond kat poes konijn paard vogel muis beer tijger leeuw
fiets auto huis tuin school werk kantoor bureau computer laptop telefoon
gemeente sociaal dienst participatie klant klantmanager teamleider beheer beheerder medewerker
appel banaan aardbei kaas brood koffie thee bier
`;

export const VEELGEBRUIKTE_WACHTWOORDEN: ReadonlySet<string> = new Set(LIJST.split(/\s+/).filter(Boolean));
