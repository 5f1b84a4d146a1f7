-- Full-text search on PostgreSQL, finding what SQLite's FTS5 table complaints_search finds:
-- the same words of the description and the tracking code, cut and folded as SQLite's
-- tokenizer (unicode61 remove_diacritics 2) does, kept in complaints.search (a GIN index) by
-- the trigger complaints_derived. The letters folded, the marks dropped and the separators
-- are the tables of search.rs, which builds the queries: `c.search @@ CAST(?1 AS TEXT)::tsquery`
-- with the text of `input::search_tsquery`.

-- The words of `t`, in order: letters folded (upper case to lower, Latin diacritics removed),
-- combining marks dropped, split at every run of separators. PL/pgSQL, like every function a
-- trigger calls: it keeps its plan for the session, where a SQL function that is not inlined
-- is parsed and planned again on every row written.
CREATE OR REPLACE FUNCTION search_terms(t TEXT) RETURNS TEXT[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
    RETURN array_remove(regexp_split_to_array(translate(t,
        -- Lower-case letters and the space, which stay themselves, come first: translate()
        -- looks each character up from the start, and these are most of any text. Then the
        -- letters that fold (search.rs: FOLDS), then the marks dropped (DROPPED)...
        'abcdefghijklmnopqrstuvwxyz ' ||
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
        'abcdefghijklmnopqrstuvwxyz ' ||
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
        ']+'), '');
END $$;

-- The indexed words of a complaint, each at its place. The tracking code's words come after a
-- gap, so a phrase never runs from the description into the code (FTS5 keeps them in two
-- columns): the gap is an empty word, which is not indexed. A word of 2048 bytes or more,
-- which a tsvector cannot hold, is left out.
CREATE OR REPLACE FUNCTION search_document(description TEXT, tracking_code TEXT) RETURNS TSVECTOR
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    words CONSTANT TEXT[] := coalesce(search_terms(description), '{}') || ''::TEXT
        || coalesce(search_terms(tracking_code), '{}');
BEGIN
    RETURN coalesce((
        SELECT string_agg('''' || replace(replace(word, '\', '\\'), '''', '''''') || ''':'
            || least(place, 16383), ' ')
        FROM unnest(words) WITH ORDINALITY AS w (word, place)
        WHERE word <> '' AND octet_length(word) < 2048), '')::tsvector;
END $$;
