//! The small vocabulary the payloads are made of: organizations, their domains, ids,
//! certificates and secret references.

use crate::rng::Rng;

/// Made-up organizations: the `name`, and how it is displayed.
const ORGS: &[(&str, &str)] = &[
    ("acme", "Acme Corp"),
    ("globex", "Globex Corporation"),
    ("initech", "Initech"),
    ("umbrella", "Umbrella Corporation"),
    ("hooli", "Hooli"),
    ("wayne", "Wayne Enterprises"),
    ("stark", "Stark Industries"),
    ("soylent", "Soylent Corporation"),
    ("cyberdyne", "Cyberdyne Systems"),
    ("vandelay", "Vandelay Industries"),
    ("tyrell", "Tyrell Corporation"),
    ("wonka", "Wonka Industries"),
    ("oscorp", "Oscorp"),
    ("aperture", "Aperture Science"),
    ("black-mesa", "Black Mesa"),
    ("dunder-mifflin", "Dunder Mifflin"),
    ("pied-piper", "Pied Piper"),
    ("gringotts", "Gringotts"),
    ("monarch", "Monarch Solutions"),
    ("nakatomi", "Nakatomi Trading"),
];

const UNITS: &[&str] = &[
    "",
    "eu",
    "us",
    "apac",
    "staff",
    "partners",
    "contractors",
    "labs",
    "retail",
    "finance",
];

/// One organization (a unit of it, sometimes), as the names a payload uses.
#[derive(Debug, Clone)]
pub struct Org {
    /// Lowercase letters, digits and hyphens: `acme-eu`.
    pub slug: String,
    /// For people: `Acme Corp (eu)`.
    pub display: String,
    /// Its DNS domain: `acme-eu.example.com`.
    pub domain: String,
    /// For environment variable names: `ACME_EU`.
    pub env: String,
}

impl Org {
    /// A random organization.
    pub fn random(rng: &mut Rng) -> Org {
        let (name, display) = *rng.pick(ORGS);
        let unit = *rng.pick(UNITS);
        let slug = if unit.is_empty() {
            name.to_owned()
        } else {
            format!("{name}-{unit}")
        };
        let display = if unit.is_empty() {
            display.to_owned()
        } else {
            format!("{display} ({unit})")
        };
        let tld = *rng.pick(&["example.com", "example.org", "example.net", "example"]);
        Org {
            domain: format!("{slug}.{tld}"),
            env: slug.to_uppercase().replace('-', "_"),
            slug,
            display,
        }
    }

    /// A reference to a secret, substituted at deploy time: `${ACME_OIDC_CLIENT_SECRET}`.
    pub fn secret_ref(&self, rng: &mut Rng, what: &str) -> String {
        match rng.below(6) {
            0 => format!("##{}_{what}##", self.env),
            1 => format!("@@{}_{what}@@", self.env),
            _ => format!("${{{}_{what}}}", self.env),
        }
    }

    /// An https URL on a host of the organization.
    pub fn url(&self, host: &str, path: &str) -> String {
        format!("https://{host}.{}{path}", self.domain)
    }

    /// The URL of a logo.
    pub fn logo(&self, rng: &mut Rng) -> String {
        let ext = *rng.pick(&["png", "svg"]);
        format!(
            "https://cdn.{}/brand/{}-{}.{ext}",
            self.domain,
            self.slug,
            rng.range(32, 128)
        )
    }
}

/// An Auth0 identity provider id: `con_` and 16 letters or digits.
pub fn idp_id(rng: &mut Rng) -> String {
    format!("con_{}", rng.alnum(16))
}

/// A GenAuth id: a 24-hex ObjectId.
pub fn object_id(rng: &mut Rng) -> String {
    rng.hex(24)
}

/// A made-up X.509 certificate in PEM, the size of a real 2048-bit one (about 1.1 KB).
pub fn pem_cert(rng: &mut Rng) -> String {
    const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut pem = String::from("-----BEGIN CERTIFICATE-----\nMIIC");
    let lines = rng.range(14, 17);
    for line in 0..lines {
        let width = if line == 0 { 60 } else { 64 };
        pem.push_str(&rng.chars(B64, width));
        pem.push('\n');
    }
    let last = rng.range(8, 60);
    pem.push_str(&rng.chars(B64, last));
    pem.push_str("==\n-----END CERTIFICATE-----\n");
    pem
}

/// A made-up ISO 8601 time stamp in 2025 or 2026.
pub fn timestamp(rng: &mut Rng) -> String {
    format!(
        "{}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        rng.range(2025, 2026),
        rng.range(1, 12),
        rng.range(1, 28),
        rng.below(24),
        rng.below(60),
        rng.below(60),
        rng.below(1000)
    )
}

#[cfg(test)]
mod tests {
    use super::{Org, pem_cert};
    use crate::rng::Rng;

    #[test]
    fn org_names_are_lowercase_slugs() {
        let mut rng = Rng::new(5, 0);
        for _ in 0..50 {
            let org = Org::random(&mut rng);
            assert!(
                org.slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{}",
                org.slug
            );
            assert!(org.domain.starts_with(&org.slug));
        }
    }

    #[test]
    fn a_certificate_is_about_a_kilobyte() {
        let pem = pem_cert(&mut Rng::new(9, 0));
        assert!((900..1300).contains(&pem.len()), "{}", pem.len());
        assert!(pem.ends_with("-----END CERTIFICATE-----\n"));
    }
}
