//! Behaviour of individual rules, on values built in the test.

use idplint::{AccessLevel, Context, Diagnostic, Strategy, kinds, validate_value};
use serde_json::{Value, json};

fn check(kind: &str, value: &Value, context: Context) -> Vec<Diagnostic> {
    validate_value(kinds::find(kind).unwrap(), value, &context)
}

fn rules(findings: &[Diagnostic]) -> Vec<(&'static str, String)> {
    findings
        .iter()
        .map(|d| (d.rule.name, d.pointer.clone()))
        .collect()
}

fn errors(findings: &[Diagnostic]) -> Vec<(&'static str, String)> {
    findings
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.rule.name, d.pointer.clone()))
        .collect()
}

fn okta_create() -> Value {
    json!({"name": "acme", "strategy": "okta",
           "options": {"domain": "acme.okta.com", "client_id": "0oa1", "client_secret": "${OKTA_SECRET}"}})
}

#[test]
fn access_levels_gate_exactly_the_declared_fields() {
    let fields = [
        ("display_name", json!("Acme")),
        ("show_as_button", json!(true)),
        ("assign_membership_on_login", json!(true)),
        ("is_enabled", json!(false)),
        (
            "options",
            json!({"type": "front_channel", "client_id": "a", "discovery_url": "https://acme.example/.well-known/openid-configuration"}),
        ),
    ];
    let allowed = |level: AccessLevel, field: &str| match level {
        AccessLevel::Full => true,
        AccessLevel::Limited => {
            ["show_as_button", "assign_membership_on_login", "is_enabled"].contains(&field)
        }
        AccessLevel::Readonly | AccessLevel::None => false,
    };
    for level in AccessLevel::ALL {
        for (field, value) in &fields {
            let body = json!({ *field: value });
            let ctx = Context {
                strategy: Some(Strategy::Oidc),
                access_level: Some(level),
            };
            let found = check("auth0.idp.update", &body, ctx);
            let forbidden = found.iter().any(|d| {
                d.rule.name == "access-level-forbids-field" && d.pointer == format!("/{field}")
            });
            assert_eq!(
                forbidden,
                !allowed(level, field),
                "{field} at {level}: {found:?}"
            );
            assert!(
                errors(&found)
                    .iter()
                    .all(|(r, _)| *r == "access-level-forbids-field"),
                "{found:?}"
            );
        }
    }
}

#[test]
fn without_an_access_level_nothing_is_gated() {
    let found = check(
        "auth0.idp.update",
        &json!({"display_name": "Acme"}),
        Context::default(),
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn unknown_fields_suggest_the_nearest_name() {
    let found = check(
        "auth0.idp.update",
        &json!({"displayname": "Acme"}),
        Context::default(),
    );
    assert_eq!(
        rules(&found),
        [("unknown-field", "/displayname".to_owned())]
    );
    assert_eq!(
        found[0].help.as_deref(),
        Some("did you mean `display_name`?")
    );
    assert!(found[0].at_key);
}

#[test]
fn invalid_enums_suggest_the_nearest_value() {
    let mut body = okta_create();
    body["strategy"] = json!("google_apps");
    let found = check("auth0.idp.create", &body, Context::default());
    assert_eq!(
        errors(&found),
        [("invalid-enum", "/strategy".to_owned())],
        "{found:?}"
    );
    assert_eq!(
        found[0].help.as_deref(),
        Some("did you mean `google-apps`?")
    );
    assert!(
        found[0].message.contains("`adfs`, `google-apps`"),
        "{}",
        found[0].message
    );
}

#[test]
fn lengths_count_code_points() {
    let ok_cjk = "日".repeat(128);
    let ok_emoji = "😀".repeat(128);
    let too_long = "😀".repeat(129);
    for (name, ok) in [(ok_cjk, true), (ok_emoji, true), (too_long, false)] {
        let found = check(
            "auth0.idp.update",
            &json!({"display_name": name}),
            Context::default(),
        );
        assert_eq!(found.is_empty(), ok, "{found:?}");
        if !ok {
            assert_eq!(
                rules(&found),
                [("length-out-of-range", "/display_name".to_owned())]
            );
            assert_eq!(found[0].label.as_deref(), Some("129 characters"));
        }
    }
}

#[test]
fn update_strategy_is_inferred_when_options_fit_one_shape() {
    let body = json!({"options": {"type": "back_channel", "client_id": "a", "discovery_url": "https://a.example/x"}});
    assert!(check("auth0.idp.update", &body, Context::default()).is_empty());
}

#[test]
fn update_options_that_fit_several_shapes_need_context() {
    let body =
        json!({"options": {"domain": "acme.example", "client_id": "a", "client_secret": "${S}"}});
    let found = check("auth0.idp.update", &body, Context::default());
    assert_eq!(rules(&found), [("missing-context", "/options".to_owned())]);
    assert!(
        found[0].message.contains("`google-apps` and `okta`"),
        "{}",
        found[0].message
    );
    let with = check(
        "auth0.idp.update",
        &body,
        Context {
            strategy: Some(Strategy::Okta),
            access_level: None,
        },
    );
    assert!(with.is_empty(), "{with:?}");
}

#[test]
fn update_options_that_fit_no_shape_are_checked_as_the_only_strategy_with_their_keys() {
    let body = json!({"options": {"type": "back_channel", "client_id": "a"}});
    let found = check("auth0.idp.update", &body, Context::default());
    assert_eq!(
        rules(&found),
        [
            ("missing-context", "/options".to_owned()),
            ("missing-field", "/options".to_owned())
        ]
    );
    assert_eq!(
        found[0].message,
        "`options` fits no strategy's shape; checked as `oidc`, the only strategy with all of its keys"
    );
    assert_eq!(
        found[1].message,
        "`options.discovery_url` is required for strategy `oidc`"
    );
}

/// The findings of `body` checked with each of `strategies` named.
fn under(body: &Value, strategy: Strategy) -> Vec<(&'static str, String)> {
    let context = Context {
        strategy: Some(strategy),
        access_level: None,
    };
    rules(&check("auth0.idp.update", body, context))
}

#[test]
fn update_options_whose_keys_several_strategies_have_get_what_is_wrong_under_all() {
    // The case: it was checked as `adfs` and `client_secret` called unknown.
    let body = json!({"options": {"client_secret": "${S}"}});
    let found = check("auth0.idp.update", &body, Context::default());
    assert_eq!(found[0].rule.name, "missing-context");
    let named = ["google-apps", "oidc", "okta", "waad"];
    for s in named {
        assert!(
            found[0].message.contains(&format!("`{s}`")),
            "{}",
            found[0].message
        );
    }
    for s in ["adfs", "pingfederate", "samlp"] {
        assert!(
            !found[0].message.contains(&format!("`{s}`")),
            "{}",
            found[0].message
        );
    }
    assert!(
        found.iter().all(|d| d.rule.name != "unknown-field"),
        "{found:?}"
    );
    // Each finding is one that every strategy named makes, and at least one is reported.
    assert!(found.len() > 1, "{found:?}");
    for d in &found[1..] {
        for s in Strategy::ALL
            .into_iter()
            .filter(|s| named.contains(&s.as_str()))
        {
            assert!(
                under(&body, s).contains(&(d.rule.name, d.pointer.clone())),
                "{d:?} is not wrong under `{}`",
                s.as_str()
            );
        }
    }
}

#[test]
fn update_options_with_keys_no_strategy_has_together_get_only_those_keys() {
    let body = json!({
        "display_name": 5,
        "options": {"client_secret": "${S}", "signInEndpoint": "x", "sign_in_url": 1, "bogus": true}
    });
    let found = check("auth0.idp.update", &body, Context::default());
    assert_eq!(
        rules(&found),
        [
            ("missing-context", "/options".to_owned()),
            ("unknown-field", "/options/sign_in_url".to_owned()),
            ("unknown-field", "/options/bogus".to_owned()),
            ("wrong-type", "/display_name".to_owned()),
        ]
    );
    assert_eq!(
        found[0].message,
        "`options` cannot be checked: no strategy has all of its keys"
    );
    let help = found[0].help.as_deref().unwrap_or_default();
    assert!(
        help.starts_with("no strategy has `sign_in_url`, `bogus`;"),
        "{help}"
    );
}

#[test]
fn read_only_fields_in_requests() {
    let mut body = okta_create();
    body["id"] = json!("con_zW1UHutvkVWSWdCC");
    let found = check("auth0.idp.create", &body, Context::default());
    assert_eq!(errors(&found), [("read-only-field", "/id".to_owned())]);
    let found = check(
        "auth0.idp.update",
        &json!({"strategy": "okta"}),
        Context::default(),
    );
    assert_eq!(
        errors(&found),
        [("read-only-field", "/strategy".to_owned())]
    );
    assert!(found[0].help.as_deref().unwrap().contains("cannot change"));
    let found = check(
        "auth0.idp.update",
        &json!({"name": "x"}),
        Context::default(),
    );
    assert_eq!(errors(&found), [("unknown-field", "/name".to_owned())]);
}

#[test]
fn attributes_are_required_for_oidc_okta_samlp_responses_only() {
    let oidc = json!({"id": "con_zW1UHutvkVWSWdCC", "strategy": "oidc", "options": {}});
    let found = check("auth0.idp", &oidc, Context::default());
    assert_eq!(errors(&found), [("missing-field", String::new())]);
    assert_eq!(
        found[0].message,
        "`attributes` is required for strategy `oidc`"
    );
    let waad = json!({"strategy": "waad", "options": {}, "attributes": []});
    let found = check("auth0.idp", &waad, Context::default());
    assert_eq!(
        errors(&found),
        [("unknown-field", "/attributes".to_owned())]
    );
    assert_eq!(
        found[0].message,
        "`attributes` is not allowed for strategy `waad`"
    );
}

#[test]
fn write_only_secrets_never_appear_in_responses() {
    let body = json!({"strategy": "okta", "options": {"client_secret": "x"}, "attributes": []});
    let found = check("auth0.idp", &body, Context::default());
    let e = errors(&found);
    assert!(
        e.contains(&("unknown-field", "/options/client_secret".to_owned())),
        "{found:?}"
    );
    let d = found
        .iter()
        .find(|d| d.pointer == "/options/client_secret" && d.is_error())
        .unwrap();
    assert!(d.help.as_deref().unwrap().contains("write-only"), "{d:?}");
}

#[test]
fn samlp_setups() {
    let base = |options: Value| json!({"name": "acme", "strategy": "samlp", "options": options});
    let found = check(
        "auth0.idp.create",
        &base(json!({"signSAMLRequest": true})),
        Context::default(),
    );
    assert_eq!(errors(&found), [("missing-field", "/options".to_owned())]);
    assert_eq!(
        found[0].message,
        "`options` needs `metadataUrl` (automatic set-up), or `signInEndpoint` and `signingCert` \
         (manual set-up) for strategy `samlp`"
    );
    let manual = json!({"signSAMLRequest": true, "signInEndpoint": "https://idp.example/sso"});
    let found = check(
        "auth0.idp.create",
        &base(manual.clone()),
        Context::default(),
    );
    assert_eq!(errors(&found), [("missing-field", "/options".to_owned())]);
    assert_eq!(
        found[0].message,
        "`options` needs `signingCert`, the IdP's signing certificate, for a manual set-up \
         (`signInEndpoint`) for strategy `samlp`"
    );
    let mut old = manual.clone();
    old["cert"] = json!("MIIC");
    let found = check("auth0.idp.create", &base(old), Context::default());
    assert_eq!(
        rules(&found),
        [("deprecated-field", "/options/cert".to_owned())]
    );
    let mut both = manual;
    both["metadataUrl"] = json!("https://idp.example/metadata");
    both["signingCert"] = json!("MIIC");
    let found = check("auth0.idp.create", &base(both), Context::default());
    assert_eq!(
        errors(&found),
        [("conflicting-fields", "/options/signInEndpoint".to_owned())]
    );
}

#[test]
fn adfs_alternatives() {
    let body = json!({"name": "acme", "strategy": "adfs", "options": {"adfs_server": "https://adfs.example", "fedMetadataXml": "<x/>"}});
    let found = check("auth0.idp.create", &body, Context::default());
    assert_eq!(
        errors(&found),
        [("conflicting-fields", "/options/fedMetadataXml".to_owned())]
    );
    let body = json!({"name": "acme", "strategy": "adfs", "options": {}});
    let found = check("auth0.idp.create", &body, Context::default());
    assert_eq!(errors(&found), [("missing-field", "/options".to_owned())]);
    assert_eq!(
        found[0].message,
        "`options` needs `adfs_server` or `fedMetadataXml` for strategy `adfs`"
    );
}

#[test]
fn messages_never_quote_secret_values() {
    let secret = "Zk9uX2sEcReT-value-1234567890";
    let mut body = okta_create();
    body["options"]["client_secret"] = json!(secret);
    body["options"]["client_secretx"] = json!(secret);
    let found = check("auth0.idp.create", &body, Context::default());
    assert!(found.iter().any(|d| d.rule.name == "plaintext-secret"));
    for d in &found {
        let all = format!("{} {:?} {:?}", d.message, d.label, d.help);
        assert!(!all.contains(secret), "{all}");
    }
}

#[test]
fn management_api_limits_are_warnings() {
    let mut body = okta_create();
    body["name"] = json!("Acme SSO");
    body["options"]["client_id"] = json!("x".repeat(256));
    let found = check("auth0.idp.create", &body, Context::default());
    assert!(errors(&found).is_empty(), "{found:?}");
    assert_eq!(
        rules(&found),
        [
            ("management-api-limit", "/name".to_owned()),
            ("management-api-limit", "/options/client_id".to_owned())
        ]
    );
}

#[test]
fn insecure_urls_are_errors() {
    let body = json!({"options": {"type": "back_channel", "client_id": "a", "discovery_url": "http://a.example/x"}});
    let found = check(
        "auth0.idp.update",
        &body,
        Context {
            strategy: Some(Strategy::Oidc),
            access_level: None,
        },
    );
    assert_eq!(
        errors(&found),
        [("insecure-url", "/options/discovery_url".to_owned())]
    );
    assert_eq!(found[0].label.as_deref(), Some("expected https, got http"));
}

#[test]
fn context_from_a_saved_identity_provider() {
    let idp = json!({"strategy": "samlp", "access_level": "limited", "options": {}});
    let ctx = Context::from_current(&idp).unwrap();
    assert_eq!(
        ctx,
        Context {
            strategy: Some(Strategy::Samlp),
            access_level: Some(AccessLevel::Limited)
        }
    );
    assert!(
        Context::from_current(&json!({"strategy": "ad"}))
            .unwrap_err()
            .contains("unknown strategy `ad`")
    );
}

#[test]
fn empty_update_warns() {
    let found = check("auth0.idp.update", &json!({}), Context::default());
    assert_eq!(rules(&found), [("empty-update", String::new())]);
    assert!(!found[0].is_error());
}

#[test]
fn kind_detection_table() {
    for (value, kind) in [
        (json!({"identity_providers": []}), Some("auth0.idp.list")),
        (
            json!({"identity_provider_id": "con_x", "method": "scim"}),
            Some("auth0.idp.provisioning"),
        ),
        (
            json!({"id": "con_x", "strategy": "okta"}),
            Some("auth0.idp"),
        ),
        (
            json!({"name": "x", "strategy": "okta"}),
            Some("auth0.idp.create"),
        ),
        (json!({"domain": "acme.com"}), Some("auth0.idp.domain")),
        (
            json!({"token_lifetime": 1000}),
            Some("auth0.idp.scim-token.create"),
        ),
        (json!({"is_enabled": true}), Some("auth0.idp.update")),
        (json!({"hello": "world"}), None),
        (json!({}), None),
        (json!([1]), None),
    ] {
        assert_eq!(kinds::detect(&value).map(|k| k.id), kind, "{value}");
    }
}
