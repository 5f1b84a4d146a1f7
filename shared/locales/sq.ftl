# Zëri: aplikacioni për qytetarët, në shqip.

app-name = { "Zëri" }

## Navigimi dhe veprimet e përbashkëta
nav-home = Ballina
nav-new-complaint = Ankesë e re
nav-my-complaints = Ankesat e mia
nav-settings = Cilësimet
action-back = Kthehu
action-retry = Provo përsëri
action-edit = Ndrysho
action-discard = Hiqe
action-dismiss = Mbyll
action-refresh = Rifresko
action-remove = Hiqe
load-failed = Të dhënat e ruajtura në këtë telefon nuk u lexuan dot. Asgjë nuk humbi dhe asgjë nuk ndryshoi; provo përsëri.

## Hapja e parë dhe cilësimet
welcome-title = { app-name } yt te shërbimet publike
welcome-intro = Raporto një problem me një shërbim publik për më pak se një minutë. { app-name } ia dërgon institucionit përgjegjës dhe të tregon kush po merret me të dhe deri kur duhet të përgjigjet.
privacy-title = Çfarë ndodh me të dhënat e tua
privacy-text = Ankesa jote shkon vetëm te institucioni përgjegjës për të. Nëse lë të dhëna kontakti, vetëm ai institucion i sheh; nëse mbetesh anonim, nuk dërgohet asnjë. Të dhënat e vendndodhjes hiqen nga fotot para se të largohen nga ky telefon. Shifrat publike nuk përmbajnë kurrë të dhëna personale.
language-label = Gjuha
welcome-continue = Vazhdo
settings-title = Cilësimet
settings-server = Ky aplikacion i dërgon ankesat te { $host }, të zgjedhur nga një lidhje.
settings-server-reset = Përdor serverin zyrtar
server-offer-title = T'i dërgosh ankesat te një server tjetër?
server-offer-message = Kjo lidhje e drejton aplikacionin te { $host }. Nga nisja e ardhshme, ankesat e tua dhe të dhënat e kontaktit që jep shkojnë atje në vend të { $current }. Pranoje vetëm nëse ta ka kërkuar një trajner ose institucioni yt.
server-offer-accept = Përdor { $host }
server-offer-decline = Mbaj serverin e tanishëm

## Ballina
home-title = Si mund të ndihmojmë?
home-intro = Tregoji institucionit përgjegjës çfarë nuk shkon: rrugët, uji, mbeturinat, shëndetësia, dokumentet e më shumë.
outbox-count = { $count ->
    [one] { $count } ankesë në pritje për t'u dërguar
   *[other] { $count } ankesa në pritje për t'u dërguar
}

## Shkrimi i ankesës
draft-title = Ankesë e re
category-label = Për çfarë bëhet fjalë?
category-search = Kërko kategoritë
category-no-match = Asnjë kategori nuk përputhet. Provo një fjalë tjetër.
description-label = Çfarë ndodhi?
description-hint = { $count } / { $max } shkronja
location-label = Ku?
location-use-gps = Përdor vendndodhjen time
location-municipality = Ose zgjidh një komunë
location-gps-summary = Vendndodhja ime: { $lat }, { $lon }
location-municipality-summary = Komuna: { $name }
location-map = Vendos një shenjë në hartë
location-map-hint = Lëvize hartën derisa shenja të jetë aty ku është problemi.
location-map-confirm = Përdor këtë vend
location-map-cancel = Anulo
location-municipality-placeholder = Zgjidh një komunë
location-off = Vendndodhja është e fikur në këtë telefon. Ndize për të përdorur vendndodhjen tënde, ose zgjidh një komunë apo një vend në hartë.
location-denied = Zëri nuk ka leje të përdorë vendndodhjen tënde. Mund ta lejosh te cilësimet, ose zgjidh një komunë apo një vend në hartë.
location-no-fix = Vendndodhja jote nuk u gjet tani. Provo përsëri, mundësisht jashtë, ose zgjidh një komunë apo një vend në hartë.
location-open-settings = Hap cilësimet
photos-label = Fotot
photos-hint = Deri në { $max } foto. Të dhënat e vendndodhjes hiqen prej tyre.
photos-add = Shto foto
photo-item = Fotoja { $number } ({ $size } KB)
anonymous-label = Dërgo në mënyrë anonime
anonymous-on = Institucioni nuk do ta dijë kush je dhe nuk mund të të kontaktojë.
anonymous-off = Vetëm institucioni që merret me ankesën tënde i sheh të dhënat e tua të kontaktit.
contact-name = Emri (sipas dëshirës)
contact-name-hint = Si duhet të të drejtohet institucioni
contact-phone = Telefoni
contact-phone-hint = Nevojitet një numër telefoni ose një adresë emaili
contact-email = Emaili
draft-submit = Dërgo ankesën
draft-submitting = Po ruhet…
draft-discard = Hiqe draftin

## Nivelet përgjegjëse
level-municipal = Komuna
level-central = Ministri ose agjenci shtetërore
level-public-enterprise = Ndërmarrje publike
level-private-operator = Operator i licencuar
level-independent = Institucion i pavarur
level-judiciary = Këshilli gjyqësor

## Refuzimet nga serveri
server-error-unknown = Serveri nuk e pranoi këtë. Ndryshoje dhe provo përsëri, ose hiqe.
server-error-reopen-window-closed = Kjo ankesë nuk mund të rihapet më.
server-error-not-closed = Kjo ankesë është ende e hapur.
server-error-not-open = Kjo ankesë është mbyllur, ndaj nuk merr më mesazhe. Rihape për të shkruar sërish.
server-error-too-many-messages = Kjo ankesë ka marrë aq mesazhe sa mund të marrë një ankesë. Institucioni i ka të gjitha.
server-error-complaint-not-found = Kjo ankesë nuk u gjet.
server-error-photo-unsupported = Kjo foto nuk mund të pranohej.

## Njoftimet
notice-queued = Ankesa jote u ruajt në këtë telefon dhe do të dërgohet sapo të ketë lidhje.
notice-sent = Ankesa jote u pranua. Kodi i gjurmimit: { $code }
notice-draft-save-failed = Drafti yt nuk u ruajt dot në këtë telefon.
notice-queue-save-failed = Ankesa jote nuk u ruajt dot në këtë telefon, prandaj nuk u vu në radhë. Është ende në draft; provo përsëri.
notice-photo-save-failed = Fotoja nuk u ruajt dot në këtë telefon.
notice-refresh-failed = Përditësimet nuk u kontrolluan dot. Do t'i shohësh kur të kthehet lidhja.
notice-finish-draft-first = Së pari dërgo ose hiq ankesën që po shkruan.
notice-rating-queued = Faleminderit për vlerësimin.
notice-reopen-queued = Kërkesa jote për rihapje u ruajt dhe do të dërgohet.
notice-message-queued = Mesazhi yt u ruajt dhe do të dërgohet.
notice-server-link-refused = Kjo lidhje kërkoi që aplikacioni t'i dërgojë ankesat te një server që nuk e njeh. Asgjë nuk u ndryshua.
notice-server-chosen = Nga nisja e ardhshme, aplikacioni i dërgon ankesat te { $host }.

## Radha e dërgimit
outbox-title = Në pritje për t'u dërguar
outbox-saving = Po ruhet në këtë telefon…
outbox-queued = Në radhë: do të dërgohet kur të ketë lidhje
outbox-sending = Po dërgohet…
outbox-sending-photos = Po dërgohen fotot ({ $done } nga { $total })
outbox-rejected = Nuk u pranua
outbox-rating = Vlerësimi për { $code }
outbox-reopen = Rihapja e { $code }
outbox-message = Mesazh për { $code }

## Ankesat e mia
my-complaints-title = Ankesat e mia
my-complaints-empty = Ende nuk ke dërguar asnjë ankesë.
due-by = Përgjigjja pritet deri më { $date }
due-paused = Pret përgjigjen tënde: afati është ndalur derisa të përgjigjesh.
updated-at = Përditësuar më { $time }

## Një ankesë
detail-title = Ankesa
tracking-code = Kodi i gjurmimit
institution-label = Merret me të
timeline-title = Historiku
timeline-submitted = Ankesa u dërgua
timeline-status = Statusi: { $status }
timeline-reply = Përgjigje nga institucioni
timeline-transferred = U transferua te { $institution }
timeline-escalated = U përshkallëzua te { $institution }: afati kaloi pa përgjigje
timeline-rated = U vlerësua
timeline-reopened = U rihap
timeline-question = Pyetje nga institucioni
timeline-you-wrote = Ti shkrove
message-answer-prompt = Institucioni të bëri një pyetje. Përgjigjja jote e kthen ankesën në punë, dhe afati rinis.
message-add-prompt = Ke diçka për të shtuar? Institucioni e lexon bashkë me ankesën tënde.
message-answer-label = Përgjigjja jote
message-add-label = Çfarë do të shtosh
message-add-photo = Shto një foto (deri në { $max })
message-photo = Foto { $number }
message-photo-remove = Hiqe
message-answer-submit = Dërgo përgjigjen
message-add-submit = Dërgo
message-pending = Pret të dërgohet: { $text }
rating-prompt = Si u trajtua?
rating-stars = Yjet
rating-comment = Koment (sipas dëshirës)
rating-submit = Dërgo vlerësimin
reopen-prompt = Nuk u rregullua? Mund ta rihapësh brenda { $days } ditëve.
reopen-reason = Çfarë nuk shkon ende?
reopen-submit = Rihape

## Njoftimet e telefonit
notification-channel-name = Lajme për ankesat e tua
notification-channel-description = Përgjigje, pyetje dhe ndryshime nga institucionet që trajtojnë ankesat e tua.
notification-reply = { $institution } u përgjigj
notification-question = { $institution } të bën një pyetje
notification-received = { $institution } e pranoi ankesën tënde
notification-resolved = { $institution } e zgjidhi ankesën tënde
notification-rejected = { $institution } e mbylli ankesën tënde pa e zgjidhur
notification-transferred = Ankesa jote shkoi te { $institution }
notification-escalated = Ankesa jote iu përcoll { $institution } sepse afati kaloi pa përgjigje
notification-overdue = { $institution } nuk është përgjigjur në afat
notification-overdue-body = Përgjigja duhej deri më { $date }. { $complaint }
notification-complaint = { $category }, { $code }

## Të dhënat tuaja
action-cancel = Anulo
settings-my-data = Të dhënat tuaja
settings-privacy-notice = Lexoni njoftimin e plotë për privatësinë
my-data-title = Të dhënat tuaja
my-data-intro = Gjithçka që serveri mban për ankesat e dërguara nga ky telefon. Mund të ruani një kopje si skedar, të tërhiqni të dhënat e kontaktit nga një ankesë, ose t'i fshini të gjitha.
my-data-loading = Po pyetet serveri…
my-data-failed = Serveri nuk u arrit. Asgjë nuk ndryshoi; provoni përsëri kur të jeni në linjë.
my-data-empty = Serveri nuk mban asgjë për ankesat nga ky telefon.
my-data-export = Ruani një kopje si skedar
my-data-push = Ky telefon zgjohet kur ndryshon diçka, përmes shërbimit të tij të njoftimeve, që nga { $since }. Zgjimi nuk mbart asgjë për ankesat tuaja.
data-category = Kategoria
data-institution = Institucioni
data-status = Statusi
data-submitted = Dërguar
data-description = Çfarë shkruat
data-place = Vendi
data-contact = Të dhënat e kontaktit
data-contact-none = Asnjë: dërguar në mënyrë anonime
data-contact-removed = I hoqët më { $date }
data-contact-erased = U fshinë më { $date }
data-photos = Fotografitë
data-photo-count = { $count ->
    [one] { $count } fotografi
   *[other] { $count } fotografi
}
data-message = Mesazhi juaj
data-message-photos = { $count ->
    [one] {" "}(me { $count } fotografi)
   *[other] {" "}(me { $count } fotografi)
}
data-rating = Vlerësimi juaj
data-emails = Email-et
data-emails-stopped = I ndalët email-et për këtë ankesë
erase-title = Fshini të dhënat tuaja
erase-explanation = Të dhënat e kontaktit dhe fotografitë fshihen nga çdo ankesë e dërguar nga ky telefon, dhe ankesat nuk i përkasin më atij: nuk do t'i shihni më këtu. Institucionet ruajnë përmbajtjen e secilës ankesë, si evidencë të punës së tyre, pa të dhënat tuaja të kontaktit.
erase-button = Fshini të dhënat e mia
erase-question = T'i fshini të dhënat e kontaktit dhe fotografitë nga të gjitha ankesat tuaja? Kjo nuk mund të zhbëhet.
erase-confirm = Fshini
erase-pending = Të dhënat tuaja do të fshihen sapo telefoni të arrijë serverin.
contact-held = Institucioni mund t'ju kontaktojë me të dhënat që dhatë.
contact-not-held = Institucioni nuk mban të dhëna tuaja kontakti për këtë ankesë.
contact-remove = Hiqni të dhënat e mia të kontaktit
contact-removal-pending = Të dhënat e kontaktit do të hiqen sapo telefoni të arrijë serverin.
outbox-remove-contact = Po hiqen të dhënat e kontaktit nga { $code }
outbox-erase = Po fshihen të dhënat tuaja
notice-contact-removal-queued = Të dhënat e kontaktit do të hiqen nga kjo ankesë.
notice-erase-queued = Të dhënat tuaja do të fshihen.
notice-data-erased = Të dhënat e kontaktit dhe fotografitë u fshinë, dhe ankesat tuaja nuk i përkasin më këtij telefoni.
web-access-title = Hapeni pa këtë telefon
web-access-pin = PIN-i
web-access-explanation = Me kodin e ndjekjes dhe këtë PIN, ju, ose personi për të cilin e dërguat këtë ankesë, mund t'i shihni, t'i ruani ose t'i fshini të dhënat e saj në faqen më poshtë. Mbajeni PIN-in për vete dhe për personin që ka të bëjë.
