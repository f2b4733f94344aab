//! The enums of the GenAuth ext-idp API.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Declare a string enum: the Rust variants, their API spellings, `as_str` and `ALL`.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $($variant:ident = $text:literal,)+ }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
        pub enum $name {
            $(
                #[doc = concat!("`", $text, "`")]
                #[serde(rename = $text)]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in the API's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The API's spelling.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum! {
    /// The type of an identity source (`CreateExtIdpDto.type`): the 38 values of the OpenAPI
    /// spec, and the 3 that the 2024 Node SDKs add (`zjzwfw`, `zzding`, `seeyona8v5`). Generic
    /// OAuth 2.0 is `oauth2` here, but `oauth` for a connection.
    pub enum ExtIdpType {
        Oidc = "oidc",
        Oauth2 = "oauth2",
        Saml = "saml",
        Ldap = "ldap",
        Ad = "ad",
        Cas = "cas",
        AzureAd = "azure-ad",
        Wechat = "wechat",
        Google = "google",
        Qq = "qq",
        Wechatwork = "wechatwork",
        Dingtalk = "dingtalk",
        Weibo = "weibo",
        Github = "github",
        Alipay = "alipay",
        Apple = "apple",
        Baidu = "baidu",
        Lark = "lark",
        Gitlab = "gitlab",
        Twitter = "twitter",
        Facebook = "facebook",
        Slack = "slack",
        Linkedin = "linkedin",
        Yidun = "yidun",
        Qingcloud = "qingcloud",
        Gitee = "gitee",
        Instagram = "instagram",
        Welink = "welink",
        Huawei = "huawei",
        Honor = "honor",
        Xiaomi = "xiaomi",
        Oppo = "oppo",
        Aws = "aws",
        Amazon = "amazon",
        Douyin = "douyin",
        Kuaishou = "kuaishou",
        Line = "line",
        Sdbz = "sdbz",
        Zjzwfw = "zjzwfw",
        Zzding = "zzding",
        Seeyona8v5 = "seeyona8v5",
    }
}

string_enum! {
    /// The type of a connection (`CreateExtIdpConnDto.type`, `ExtIdpConnDetail.type`): the 68
    /// values of the OpenAPI spec, the 4 that the 2024 Node SDKs add, and both spellings of the
    /// agency value (`…:of:authing:agency` in the Authing SDK, `…:of:genauth:agency` in the
    /// GenAuth SDK). Generic OAuth 2.0 is `oauth` here, but `oauth2` for an identity source.
    pub enum ConnType {
        Oidc = "oidc",
        Oauth = "oauth",
        Saml = "saml",
        Ldap = "ldap",
        Ad = "ad",
        Cas = "cas",
        AzureAd = "azure-ad",
        Alipay = "alipay",
        Facebook = "facebook",
        FacebookMobile = "facebook:mobile",
        Twitter = "twitter",
        GoogleMobile = "google:mobile",
        Google = "google",
        WechatPc = "wechat:pc",
        WechatMobile = "wechat:mobile",
        WechatWebpageAuthorization = "wechat:webpage-authorization",
        WechatmpQrcode = "wechatmp-qrcode",
        WechatMiniprogramDefault = "wechat:miniprogram:default",
        WechatMiniprogramQrconnect = "wechat:miniprogram:qrconnect",
        WechatMiniprogramAppLaunch = "wechat:miniprogram:app-launch",
        Github = "github",
        GithubMobile = "github:mobile",
        Qq = "qq",
        QqMobile = "qq:mobile",
        WechatworkCorpQrconnect = "wechatwork:corp:qrconnect",
        WechatworkAgencyQrconnect = "wechatwork:agency:qrconnect",
        WechatworkServiceProviderQrconnect = "wechatwork:service-provider:qrconnect",
        WechatworkMobile = "wechatwork:mobile",
        WechatworkAgencyMobile = "wechatwork:agency:mobile",
        Dingtalk = "dingtalk",
        DingtalkMobile = "dingtalk:mobile",
        DingtalkProvider = "dingtalk:provider",
        Weibo = "weibo",
        WeiboMobile = "weibo:mobile",
        Apple = "apple",
        AppleWeb = "apple:web",
        Baidu = "baidu",
        BaiduMobile = "baidu:mobile",
        LarkInternal = "lark-internal",
        LarkPublic = "lark-public",
        LarkBlock = "lark-block",
        Gitlab = "gitlab",
        GitlabMobile = "gitlab:mobile",
        Linkedin = "linkedin",
        LinkedinMobile = "linkedin:mobile",
        Slack = "slack",
        SlackMobile = "slack:mobile",
        Yidun = "yidun",
        Qingcloud = "qingcloud",
        Gitee = "gitee",
        GiteeMobile = "gitee:mobile",
        Instagram = "instagram",
        Welink = "welink",
        AdKerberos = "ad-kerberos",
        Huawei = "huawei",
        HuaweiMobile = "huawei:mobile",
        Honor = "honor",
        Xiaomi = "xiaomi",
        XiaomiMobile = "xiaomi:mobile",
        Aws = "aws",
        Amazon = "amazon",
        AmazonMobile = "amazon:mobile",
        DouyinMobile = "douyin:mobile",
        KuaishouMobile = "kuaishou:mobile",
        LineMobile = "line:mobile",
        OppoMobile = "oppo:mobile",
        WechatworkQrconnectOfAuthingAgency = "wechatwork:qrconnect:of:authing:agency",
        WechatworkQrconnectOfGenauthAgency = "wechatwork:qrconnect:of:genauth:agency",
        Sdbz = "sdbz",
        DouyinMiniprogramDefault = "douyin:miniprogram:default",
        ZjzwfwQrcode = "zjzwfw-qrcode",
        Zzding = "zzding",
        Seeyona8v5 = "seeyona8v5",
    }
}

string_enum! {
    /// How a user who signs in through the connection is linked to an existing account:
    /// not at all, by a matching field, or by asking the user to bind.
    pub enum AssociationMode {
        None = "none",
        Field = "field",
        Challenge = "challenge",
    }
}

string_enum! {
    /// How a user proves an existing account when asked to bind it (`associationMode`
    /// `challenge`).
    pub enum ChallengeBindingMethod {
        EmailPassword = "email-password",
        UsernamePassword = "username-password",
        PhonePassword = "phone-password",
        PhoneCode = "phone-code",
        EmailCode = "email-code",
    }
}
