//! The secret-key policy, its shortcuts and the lexical masking.

use super::*;

#[test]
fn secret_keys_match_loosely() {
    for k in [
        "client_secret",
        "clientSecret",
        "Client-Secret",
        "CLIENTSECRET",
        "client.secret",
        "c_l_i_e_n_t_s_e_c_r_e_t",
        "client_secert",
        "clientScret",
        "cleint_secret",
        "samlSpKye",
        "pasword",
        "tokne",
        "db_password",
        "admin_passwd",
        "userPwd",
        "signing_key",
        "privateKeyPem",
        "client_secret_value",
        "scim_token",
        "x-api-key",
        "credentials",
        "Client Secret",
        "clíent_secret",
    ] {
        assert!(is_secret_key(k), "{k}");
    }
    for k in [
        "client_id",
        "client_secret_rotation",
        "token_endpoint",
        "token_endpoint_auth_method",
        "tokenEndPoint",
        "token_id",
        "token_lifetime",
        "codeToTokenScriptFuncId",
        "scim_tokens",
        "name",
        "ret",
        "monkey",
        "tok",
        "",
    ] {
        assert!(!is_secret_key(k), "{k}");
    }
    for k in SECRET_KEYS {
        let shouted = k.to_ascii_uppercase().replace('_', "-") + "_";
        assert!(is_secret_key(k) && is_secret_key(&shouted), "{k}");
        let norm = normalise(k);
        assert!(
            SECRET_WORDS.iter().any(|w| norm.contains(w)),
            "{k} holds a secret word, so that a prefix or a suffix keeps it secret"
        );
    }
    assert!(is_secret_pointer("/options/client_secret"));
    assert!(!is_secret_pointer("/options/client_id"));
}

#[test]
fn the_shortcuts_agree_with_the_plain_comparison() {
    // Every key of up to four pieces from the secret keys' and words' own pieces and a few
    // others, each in three cases: the stack buffer and the letter sets see all of them.
    let pieces = [
        "", "_", ".", "client", "Secret", "SECERT", "t", "Key", "KEY", "api", "PassWord", "token",
        "tokne", "name", "id", "ord", "é", "saml", "sp", "private", "pwd", "endpoint",
    ];
    let mut checked = 0;
    let mut secret = 0;
    for a in pieces {
        for b in pieces {
            for c in pieces {
                for d in ["", "x", "s"] {
                    let key = format!("{a}{b}{c}{d}");
                    for key in [key.to_ascii_uppercase(), key] {
                        let want = is_secret_normalised(&normalise(&key));
                        assert_eq!(is_secret_key(&key), want, "{key:?}");
                        checked += 1;
                        secret += usize::from(want);
                    }
                }
            }
        }
    }
    assert!(
        checked > 60_000 && secret > 10_000,
        "{checked} keys, {secret} secret"
    );
    let long = format!("{}client_secret", "x".repeat(80));
    assert!(is_secret_key(&long) && !is_secret_key(&"x".repeat(80)));
}

#[test]
fn edits_are_the_optimal_string_alignment_distance() {
    let words = [
        "",
        "a",
        "ab",
        "ba",
        "token",
        "tokne",
        "otken",
        "clientsecret",
        "clientsecert",
        "cleintsecret",
        "samlspkey",
        "samlspkye",
        "apikey",
        "abcdefghijklmnop",
        "secret",
    ];
    for a in words {
        for b in words {
            assert_eq!(
                edits(a.as_bytes(), b.as_bytes()),
                strsim::osa_distance(a, b),
                "{a} {b}"
            );
        }
    }
    assert_eq!(edits(&[b'a'; 17], b"a"), usize::MAX);
}

#[test]
fn masks_json_yaml_and_broken_text() {
    let json = r#"{"options":{"client_secret":"s3cr\"et","client_id":"x"}}"#;
    let masked = mask(json, &lexical_secret_spans(json));
    assert!(!masked.contains("s3cr"), "{masked}");
    assert!(masked.contains(r#""client_id":"x""#));
    assert_eq!(masked.len(), json.len());

    let yaml =
        "options:\n  clientSecret: hunter2 # c\n  samlSpKey: |\n    MIIB\n    AAAA\n  x: 1\n";
    let masked = mask(yaml, &lexical_secret_spans(yaml));
    assert!(
        !masked.contains("hunter2") && !masked.contains("MIIB") && !masked.contains("AAAA"),
        "{masked}"
    );
    assert!(masked.contains("  x: 1"));

    let broken = "{\"client_secret\": \"abc";
    assert!(!mask(broken, &lexical_secret_spans(broken)).contains("abc"));
    let flow = "{client_secret: abc, id: 2}";
    let m = mask(flow, &lexical_secret_spans(flow));
    assert!(!m.contains("abc") && m.contains("id: 2"), "{m}");
}

#[test]
fn references_are_recognised() {
    for v in [
        "${CLIENT_SECRET}",
        "  ${a b}\n",
        "$VAR",
        "$_v4r",
        "##SECRET##",
        "@@SECRET@@",
        "{{ secret }}",
        "\u{3000}${X}\u{3000}",
    ] {
        assert!(is_reference(v), "{v:?}");
    }
}

#[test]
fn literals_are_not_references() {
    for v in [
        "",
        "$",
        "${}",
        "${a}}",
        "${a}b",
        "$1VAR",
        "$VAR-X",
        "$VÄR",
        "####",
        "##a#b##",
        "@@@@",
        "{{}}",
        "{{ a } }}",
        "{{a}",
        "h7Rk2pWx9LmQ4vTs",
        "x${VAR}",
    ] {
        assert!(!is_reference(v), "{v:?}");
    }
}
