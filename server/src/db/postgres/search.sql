-- Full-text search on PostgreSQL, finding what SQLite's FTS5 table complaints_search finds:
-- the same words of the description and the tracking code, cut and folded as SQLite's
-- tokenizer (unicode61 remove_diacritics 2) does, kept in complaints.search (a GIN index) by
-- the trigger complaints_derived. The letters folded, the marks dropped and the separators
-- are the tables of search.rs, which builds the queries: `c.search @@ CAST(?1 AS TEXT)::tsquery`
-- with the text of `input::search_tsquery`.

-- The words of `t`, in order: letters folded (upper case to lower, Latin diacritics removed),
-- combining marks dropped, split at every run of separators.
CREATE FUNCTION search_terms(t TEXT) RETURNS TEXT[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT array_remove(regexp_split_to_array(translate(t,
        -- The letters that fold (search.rs: FOLDS), then the marks dropped (DROPPED)...
        'ABCDEFGHIJKLMNOPQRSTUVWXYZ' ||
        'µÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙ' ||
        'ÚÛÜÝÞàáâãäåçèéêëìíîïñòóôõö' ||
        'ùúûüýÿ' ||
        'ĀāĂăĄąĆćĈĉĊċČčĎďĐĒēĔĕĖėĘęĚ' ||
        'ěĜĝĞğĠġĢģĤĥĦĨĩĪīĬĭĮįİĲĴĵĶķ' ||
        'ĹĺĻļĽľĿŁŃńŅņŇňŊŌōŎŏŐőŒŔŕŖŗ' ||
        'ŘřŚśŜŝŞşŠšŢţŤťŦŨũŪūŬŭŮůŰűŲ' ||
        'ųŴŵŶŷŸŹźŻżŽžſ' ||
        'ƁƂƄƆƇƉƊƋƎƏƐƑƓƔƖƗƘƜƝƟƠơƢƤƦƧ' ||
        'ƩƬƮƯưƱƲƳƵƷƸƼǄǅǇǈǊǋǍǎǏǐǑǒǓǔ' ||
        'ǕǖǗǘǙǚǛǜǞǟǠǢǤǦǧǨǩǪǫǬǭǮǰǱǲǴ' ||
        'ǵǶǷǸǹǺǻǼǾȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐ' ||
        'ȑȒȓȔȕȖȗȘșȚțȜȞȟȠȢȤȦȧȨȩȪȫȬȭȮ' ||
        'ȯȰȱȲȳȺȻȽȾɁɃɄɅɆɈɊɌɎ' ||
        'ͰͲͶΆΈΉΊΌΎΏΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠ' ||
        'ΡΣΤΥΦΧΨΩΪΫςϏϐϑϕϖϘϚϜϞϠϢϤϦϨϪ' ||
        'ϬϮϰϱϴϵϷϹϺϽϾϿ' ||
        'ЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏАБВГДЕЖЗИЙ' ||
        'КЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯѠѢѤѦ' ||
        'ѨѪѬѮѰѲѴѶѸѺѼѾҀҊҌҎҐҒҔҖҘҚҜҞҠҢ' ||
        'ҤҦҨҪҬҮҰҲҴҶҸҺҼҾӀӁӃӅӇӉӋӍӐӒӔӖ' ||
        'ӘӚӜӞӠӢӤӦӨӪӬӮӰӲӴӶӸӺӼӾ' ||
        'ԀԂԄԆԈԊԌԎԐԒԔԖԘԚԜԞԠԢԤԦ' ||
        U&'\0300\0301\0302\0303\0304\0306\0307\0308\0309\030A\030B\030C\030F\0311\031B\0323\0324\0325\0326\0327\0328\032D\032E\0330\0331',
        -- ...and what the letters fold to, in the same order (a mark has none: it goes).
        'abcdefghijklmnopqrstuvwxyz' ||
        'μaaaaaaæceeeeiiiiðnoooooøu' ||
        'uuuyþaaaaaaceeeeiiiinooooo' ||
        'uuuuyy' ||
        'aaaaaaccccccccddđeeeeeeeee' ||
        'egggggggghhħiiiiiiiiiĳjjkk' ||
        'llllllŀłnnnnnnŋooooooœrrrr' ||
        'rrssssssssttttŧuuuuuuuuuuu' ||
        'uwwyyyzzzzzzs' ||
        'ɓƃƅɔƈɖɗƌǝəɛƒɠɣɩɨƙɯɲɵooƣƥʀƨ' ||
        'ʃƭʈuuʊʋƴƶʒƹƽǆǆǉǉǌǌaaiioouu' ||
        'uuuuuuuuaaǡǣǥggkkooooǯjǳǳg' ||
        'gƕƿnnaaǽǿaaaaeeeeiiiioooor' ||
        'rrruuuussttȝhhƞȣȥaaeeooooo' ||
        'oooyyⱥȼƚⱦɂƀʉʌɇɉɋɍɏ' ||
        'ͱͳͷάέήίόύώαβγδεζηθικλμνξοπ' ||
        'ρστυφχψωϊϋσϗβθφπϙϛϝϟϡϣϥϧϩϫ' ||
        'ϭϯκρθεϸϲϻͻͼͽ' ||
        'ѐёђѓєѕіїјљњћќѝўџабвгдежзий' ||
        'клмнопрстуфхцчшщъыьэюяѡѣѥѧ' ||
        'ѩѫѭѯѱѳѵѷѹѻѽѿҁҋҍҏґғҕҗҙқҝҟҡң' ||
        'ҥҧҩҫҭүұҳҵҷҹһҽҿӏӂӄӆӈӊӌӎӑӓӕӗ' ||
        'әӛӝӟӡӣӥӧөӫӭӯӱӳӵӷӹӻӽӿ' ||
        'ԁԃԅԇԉԋԍԏԑԓԕԗԙԛԝԟԡԣԥԧ'),
        -- The separators (SEPARATORS).
        '[' ||
        '\u0001-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00a9\u00ab-\u00b1\u00b4' ||
        '\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7\u02c2-\u02c5\u02d2-\u02df\u02e5-\u02eb' ||
        '\u02ed\u02ef-\u036f\u0375\u037e\u0384-\u0385\u0387\u03f6\u0482-\u0489' ||
        '\u2000-\u206f\u20a0-\u20cf\u2190-\u2bff\u3000-\u303f\ufe00-\ufe0f' ||
        '\U0001f000-\U0001faff' ||
        ']+'), '')
$$;

-- The indexed words of a complaint, each at its place. The tracking code's words come after a
-- gap, so a phrase never runs from the description into the code (FTS5 keeps them in two
-- columns). A word of 2048 bytes or more, which a tsvector cannot hold, is left out.
CREATE FUNCTION search_document(description TEXT, tracking_code TEXT) RETURNS TSVECTOR
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(
        '''' || replace(replace(word, '\', '\\'), '''', '''''') || ''':' || least(place, 16383),
        ' '), '')::tsvector
    FROM (
        SELECT word, place FROM unnest(search_terms(description)) WITH ORDINALITY AS d (word, place)
        UNION ALL
        SELECT word, coalesce(cardinality(search_terms(description)), 0) + 1 + place
        FROM unnest(search_terms(tracking_code)) WITH ORDINALITY AS c (word, place)
    ) AS words
    WHERE octet_length(word) < 2048
$$;
