# Serveri i Zërit: mesazhet e gabimeve dhe shpjegimet e drejtimit, në shqip.

## Shpjegimet e drejtimit
explanation-municipal = { $category } është përgjegjësi e komunës. Vendndodhja jote është në { $municipality }, prandaj ankesa jote shkoi te { $institution }.
explanation-central = { $category } trajtohet në nivel qendror, nga { $institution }.
explanation-public-enterprise = { $category } ofrohet nga një ndërmarrje publike. Në { $municipality } kjo është { $institution }.
explanation-private-operator = { $category } ofrohet nga një operator i licencuar, { $institution }, i cili duhet t'u përgjigjet ankesave.
explanation-independent = { $category } mbikëqyret nga një institucion i pavarur, { $institution }.
explanation-judiciary = { $category } është çështje për { $institution }.
explanation-local-rule = Në { $municipality }, ankesat për { $category } shkojnë te { $institution }.
explanation-fallback = Ankesa jote shkoi te { $institution }, i cili do ta përcjellë nëse përgjegjës është një institucion tjetër.

## Gabimet
error-not-found = Nuk u gjet. Kontrollo adresën ose kodin e gjurmimit.
error-unauthorized = Së pari hyr në llogari (ose seanca jote ka skaduar).
error-invalid-credentials = Emri i përdoruesit ose fjalëkalimi është i gabuar.
error-forbidden = Llogaria jote nuk ka leje për këtë.
error-rate-limited = Shumë kërkesa. Provo përsëri pas { $seconds } sekondash.
error-method-not-allowed = Kjo adresë nuk pranon këtë lloj kërkese.
error-payload-too-large = Kërkesa është shumë e madhe.
error-unsupported-media-type = Dërgo JSON me kokën Content-Type: application/json (fotot: image/jpeg ose image/png).
error-internal = Diçka shkoi keq nga ana jonë. Asgjë që dërgove nuk humbi; provo përsëri pas pak.
error-bad-request = Kërkesa nuk u kuptua.
error-device-required = Aplikacioni duhet të identifikohet me "Authorization: Device <sekret>".
error-malformed-json = Trupi i kërkesës nuk është JSON i vlefshëm.
error-invalid-body = Trupi i kërkesës nuk ka fushat dhe llojet e pritura.
error-unreadable-body = Trupi i kërkesës nuk u lexua dot.
error-invalid-cursor = Vlera "since" duhet të jetë një kursor i kthyer nga një kërkesë e mëparshme.
error-invalid-filter = Një nga filtrat ka një vlerë që nuk lejohet.
error-unknown-institution = Nuk ekziston një institucion i tillë.
error-unknown-staff = Nuk ka koleg të tillë në këtë institucion.
error-invalid-id = Një id mund të përmbajë vetëm shkronja të vogla, shifra, "_" dhe ":".
error-name-required = Emrat nevojiten në shqip, serbisht dhe anglisht (më së shumti 300 shkronja).
error-unknown-reference = Një institucion ose komunë e përmendur nuk ekziston.
error-invalid-deadlines = Afatet janë në ditë pune: konfirmimi brenda 1 deri 60, përgjigjja brenda 1 deri 120, dhe jo para konfirmimit.
error-unknown-category = Nuk ekziston një kategori e tillë.
error-unknown-municipality = Nuk ekziston një komunë e tillë.
error-unknown-target = Objektivi i drejtimit duhet të jetë institution:<id>, municipal:<shabllon> ose water_company, dhe duhet të ekzistojë.
error-invalid-username = Emri i përdoruesit ka 3 deri 64 shkronja, shifra, ".", "-" ose "_".
error-password-too-short = Fjalëkalimi duhet të ketë të paktën 10 shenja.
error-invalid-period = Fillimi i periudhës nuk duhet të jetë pas mbarimit të saj.
error-id-reused = Ky id i ankesës është përdorur tashmë për një ankesë tjetër. Krijo një id të ri.
error-not-closed = Kjo ankesë është ende e hapur.
error-reopen-window-closed = Kjo ankesë u mbyll më shumë se 30 ditë më parë dhe nuk mund të rihapet më. Të lutem dërgo një ankesë të re.
error-invalid-transition = Statusi aktual i ankesës nuk e lejon këtë hap.
error-same-institution = Ankesa është tashmë te ky institucion.
error-id-taken = Ky id është i zënë.
error-username-taken = Ky emër përdoruesi është i zënë.
