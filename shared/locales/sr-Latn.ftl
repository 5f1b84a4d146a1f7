# Zëri: aplikacija za građane, na srpskom (latinica).
# Ćirilica se pravi iz ove datoteke transliteracijom.

app-name = { "Zëri" }

## Navigacija i zajedničke radnje
nav-home = Početna
nav-new-complaint = Nova žalba
nav-my-complaints = Moje žalbe
nav-settings = Podešavanja
action-back = Nazad
action-retry = Pokušaj ponovo
action-edit = Izmeni
action-discard = Odbaci
action-dismiss = Zatvori
action-refresh = Osveži
action-remove = Ukloni
load-failed = Podaci sačuvani na ovom telefonu nisu mogli da se pročitaju. Ništa nije izgubljeno niti promenjeno; pokušaj ponovo.

## Prvo pokretanje i podešavanja
welcome-title = Tvoj glas javnim službama
welcome-intro = Prijavi problem sa javnom uslugom za manje od minut. { app-name } ga šalje nadležnoj instituciji i pokazuje ti ko ga rešava i do kada mora da odgovori.
privacy-title = Šta se dešava sa tvojim podacima
privacy-text = Tvoja žalba ide samo instituciji koja je za nju nadležna. Ako ostaviš kontakt podatke, vidi ih samo ta institucija; ako ostaneš anoniman, ne šalje se ništa. Podaci o lokaciji uklanjaju se sa fotografija pre nego što napuste ovaj telefon. Javni podaci nikada ne sadrže lične podatke.
language-label = Jezik
welcome-continue = Nastavi
settings-title = Podešavanja
settings-server = Ova aplikacija šalje žalbe na { $host }, koji je izabrao link.
settings-server-reset = Koristi zvanični server
server-offer-title = Slati tvoje žalbe na drugi server?
server-offer-message = Ovaj link usmerava aplikaciju na { $host }. Od sledećeg pokretanja, tvoje žalbe i kontakt podaci koje navedeš idu tamo umesto na { $current }. Prihvati samo ako su to od tebe tražili trener ili tvoja institucija.
server-offer-accept = Koristi { $host }
server-offer-decline = Zadrži trenutni server

## Početna
home-title = Kako možemo da pomognemo?
home-intro = Reci nadležnoj instituciji šta nije u redu: putevi, voda, otpad, zdravstvo, dokumenta i drugo.
outbox-count = { $count ->
    [one] { $count } žalba čeka slanje
    [few] { $count } žalbe čekaju slanje
   *[other] { $count } žalbi čeka slanje
}

## Pisanje žalbe
draft-title = Nova žalba
category-label = O čemu se radi?
category-search = Pretraži kategorije
category-no-match = Nijedna kategorija ne odgovara. Pokušaj drugom reči.
description-label = Šta se dogodilo?
description-hint = { $count } / { $max } znakova
location-label = Gde?
location-use-gps = Koristi moju lokaciju
location-municipality = Ili izaberi opštinu
location-gps-summary = Moja lokacija: { $lat }, { $lon }
location-municipality-summary = Opština: { $name }
location-map = Postavi oznaku na mapi
location-map-hint = Pomerajte mapu dok oznaka ne bude tamo gde je problem.
location-map-confirm = Koristi ovo mesto
location-map-cancel = Otkaži
location-municipality-placeholder = Izaberi opštinu
location-off = Lokacija je isključena na ovom telefonu. Uključi je da bi koristio svoju lokaciju, ili izaberi opštinu ili mesto na mapi.
location-denied = Zëri nema dozvolu da koristi tvoju lokaciju. Možeš je dozvoliti u podešavanjima, ili izaberi opštinu ili mesto na mapi.
location-no-fix = Tvoja lokacija trenutno nije pronađena. Pokušaj ponovo, najbolje napolju, ili izaberi opštinu ili mesto na mapi.
location-open-settings = Otvori podešavanja
photos-label = Fotografije
photos-hint = Najviše { $max } fotografije. Podaci o lokaciji se uklanjaju sa njih.
photos-add = Dodaj fotografiju
photo-item = Fotografija { $number } ({ $size } KB)
anonymous-label = Pošalji anonimno
anonymous-on = Institucija neće znati ko si i neće moći da te kontaktira.
anonymous-off = Tvoje kontakt podatke vidi samo institucija koja rešava tvoju žalbu.
contact-name = Ime (nije obavezno)
contact-name-hint = Kako institucija treba da ti se obraća
contact-phone = Telefon
contact-phone-hint = Potreban je broj telefona ili imejl adresa
contact-email = Imejl
draft-submit = Pošalji žalbu
draft-submitting = Čuva se…
draft-discard = Odbaci nacrt

## Nadležni nivoi
level-municipal = Opština
level-central = Ministarstvo ili državna agencija
level-public-enterprise = Javno preduzeće
level-private-operator = Licencirani operater
level-independent = Nezavisna institucija
level-judiciary = Sudski savet

## Odbijanja servera
server-error-unknown = Server ovo nije prihvatio. Izmeni i pokušaj ponovo, ili odbaci.
server-error-reopen-window-closed = Ova žalba se više ne može ponovo otvoriti.
server-error-not-closed = Ova žalba je još otvorena.
server-error-not-open = Ova žalba je zatvorena, pa više ne prima poruke. Ponovo je otvori da bi ponovo pisao/la.
server-error-too-many-messages = Ova žalba je primila onoliko poruka koliko jedna žalba može. Institucija ih ima sve.
server-error-complaint-not-found = Ova žalba nije pronađena.
server-error-photo-unsupported = Ova fotografija nije mogla biti prihvaćena.

## Obaveštenja
notice-queued = Tvoja žalba je sačuvana na ovom telefonu i biće poslata čim bude veze.
notice-sent = Tvoja žalba je primljena. Kod za praćenje: { $code }
notice-draft-save-failed = Tvoj nacrt nije mogao da se sačuva na ovom telefonu.
notice-queue-save-failed = Tvoja žalba nije mogla da se sačuva na ovom telefonu, pa nije stavljena u red. I dalje je u nacrtu; pokušaj ponovo.
notice-photo-save-failed = Fotografija nije mogla da se sačuva na ovom telefonu.
notice-refresh-failed = Provera novosti nije uspela. Videćeš ih kada se veza vrati.
notice-finish-draft-first = Prvo pošalji ili odbaci žalbu koju pišeš.
notice-rating-queued = Hvala na oceni.
notice-reopen-queued = Tvoj zahtev za ponovno otvaranje je sačuvan i biće poslat.
notice-message-queued = Tvoja poruka je sačuvana i biće poslata.
notice-server-link-refused = Ovaj link je tražio da aplikacija šalje žalbe serveru koji ne poznaje. Ništa nije promenjeno.
notice-server-chosen = Od sledećeg pokretanja, aplikacija šalje žalbe na { $host }.

## Red za slanje
outbox-title = Čeka slanje
outbox-saving = Čuva se na ovom telefonu…
outbox-queued = U redu: biće poslato kada bude veze
outbox-sending = Šalje se…
outbox-sending-photos = Šalju se fotografije ({ $done } od { $total })
outbox-rejected = Nije prihvaćeno
outbox-rating = Ocena za { $code }
outbox-reopen = Ponovno otvaranje { $code }
outbox-message = Poruka o { $code }

## Moje žalbe
my-complaints-title = Moje žalbe
my-complaints-empty = Još nisi poslao nijednu žalbu.
due-by = Odgovor se očekuje do { $date }
due-paused = Čeka tvoj odgovor: rok stoji dok ne odgovoriš.
updated-at = Ažurirano { $time }

## Jedna žalba
detail-title = Žalba
tracking-code = Kod za praćenje
institution-label = Rešava
timeline-title = Istorija
timeline-submitted = Žalba je poslata
timeline-status = Status: { $status }
timeline-reply = Odgovor institucije
timeline-transferred = Prosleđeno instituciji { $institution }
timeline-escalated = Eskalirano instituciji { $institution }: rok je prošao bez odgovora
timeline-rated = Ocenjeno
timeline-reopened = Ponovo otvoreno
timeline-question = Pitanje institucije
timeline-you-wrote = Ti si pisao/la
message-answer-prompt = Institucija ti je postavila pitanje. Tvoj odgovor vraća žalbu u rad, i rok ponovo teče.
message-add-prompt = Imaš nešto da dodaš? Institucija to čita uz tvoju žalbu.
message-answer-label = Tvoj odgovor
message-add-label = Šta želiš da dodaš
message-add-photo = Dodaj fotografiju (do { $max })
message-photo = Fotografija { $number }
message-photo-remove = Ukloni
message-answer-submit = Pošalji odgovor
message-add-submit = Pošalji
message-pending = Čeka slanje: { $text }
rating-prompt = Kako je ovo rešeno?
rating-stars = Zvezdice
rating-comment = Komentar (nije obavezno)
rating-submit = Pošalji ocenu
reopen-prompt = Nije popravljeno? Možeš je ponovo otvoriti u roku od { $days } dana.
reopen-reason = Šta još nije u redu?
reopen-submit = Ponovo otvori

## Obaveštenja na telefonu
notification-channel-name = Novosti o tvojim žalbama
notification-channel-description = Odgovori, pitanja i promene od institucija koje rešavaju tvoje žalbe.
notification-reply = Odgovor: { $institution }
notification-question = Pitanje za tebe: { $institution }
notification-received = Žalba primljena: { $institution }
notification-resolved = Žalba rešena: { $institution }
notification-rejected = Žalba zatvorena bez rešenja: { $institution }
notification-transferred = Tvoja žalba je upućena: { $institution }
notification-escalated = Rok je prošao bez odgovora, žalba je prosleđena: { $institution }
notification-overdue = Rok je prošao bez odgovora: { $institution }
notification-overdue-body = Odgovor je trebalo da stigne do { $date }. { $complaint }
notification-complaint = { $category }, { $code }

## Vaši podaci
action-cancel = Otkaži
settings-my-data = Vaši podaci
settings-privacy-notice = Pročitajte celo obaveštenje o privatnosti
my-data-title = Vaši podaci
my-data-intro = Sve što server čuva o žalbama poslatim sa ovog telefona. Možete sačuvati kopiju kao datoteku, povući svoje kontakt podatke iz žalbe ili sve obrisati.
my-data-loading = Pita se server…
my-data-failed = Server nije dostupan. Ništa se nije promenilo; pokušajte ponovo kada budete na mreži.
my-data-empty = Server ne čuva ništa o žalbama sa ovog telefona.
my-data-export = Sačuvajte kopiju kao datoteku
my-data-push = Ovaj telefon se budi kada se nešto promeni, preko svoje usluge obaveštenja, od { $since }. Buđenje ne nosi ništa o vašim žalbama.
data-category = Kategorija
data-institution = Institucija
data-status = Status
data-submitted = Poslato
data-description = Šta ste napisali
data-place = Mesto
data-contact = Kontakt podaci
data-contact-none = Nema: poslato anonimno
data-contact-removed = Uklonili ste ih { $date }
data-contact-erased = Obrisani { $date }
data-photos = Fotografije
data-photo-count = { $count ->
    [one] { $count } fotografija
    [few] { $count } fotografije
   *[other] { $count } fotografija
}
data-message = Vaša poruka
data-message-photos = { $count ->
    [one] {" "}(sa { $count } fotografijom)
   *[other] {" "}(sa { $count } fotografija)
}
data-rating = Vaša ocena
data-emails = Imejlovi
data-emails-stopped = Zaustavili ste imejlove o ovoj žalbi
erase-title = Obrišite svoje podatke
erase-explanation = Vaši kontakt podaci i fotografije brišu se iz svake žalbe poslate sa ovog telefona, a žalbe mu više ne pripadaju: više ih nećete videti ovde. Institucije čuvaju sadržaj svake žalbe, kao evidenciju svog rada, bez vaših kontakt podataka.
erase-button = Obriši moje podatke
erase-question = Obrisati vaše kontakt podatke i fotografije iz svih vaših žalbi? Ovo se ne može poništiti.
erase-confirm = Obriši
erase-pending = Vaši podaci biće obrisani čim telefon dođe do servera.
contact-held = Institucija može da vas kontaktira preko podataka koje ste dali.
contact-not-held = Institucija ne čuva vaše kontakt podatke za ovu žalbu.
contact-remove = Ukloni moje kontakt podatke
contact-removal-pending = Vaši kontakt podaci biće uklonjeni čim telefon dođe do servera.
outbox-remove-contact = Uklanjanje vaših kontakt podataka iz { $code }
outbox-erase = Brisanje vaših podataka
notice-contact-removal-queued = Vaši kontakt podaci biće uklonjeni iz ove žalbe.
notice-erase-queued = Vaši podaci biće obrisani.
notice-data-erased = Vaši kontakt podaci i fotografije su obrisani, a vaše žalbe više ne pripadaju ovom telefonu.
web-access-title = Otvorite je bez ovog telefona
web-access-pin = PIN
web-access-explanation = Kodom za praćenje i ovim PIN-om vi, ili osoba za koju ste poslali ovu žalbu, možete videti, sačuvati ili obrisati njene podatke na veb stranici ispod. Čuvajte PIN za sebe i osobu na koju se odnosi.
