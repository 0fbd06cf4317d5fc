//! Owner-only files on Windows. Unix has the file mode (0600/0700, set at creation);
//! Windows has access lists, and a new file there gets its folder's, which on a shared
//! office PC or a network drive often lets everyone in. tally sets a protected access
//! list granting the current user alone (full control) on the store directory,
//! inherited by every file and folder created inside it, and on each private file it
//! writes elsewhere (the rejects file).

use std::ffi::c_void;
use std::io;
use std::os::windows::ffi::OsStrExt;
use std::path::Path;
use std::ptr::{null, null_mut};

use windows_sys::core::PWSTR;
use windows_sys::Win32::Foundation::{CloseHandle, LocalFree, ERROR_SUCCESS, GENERIC_ALL, HANDLE};
use windows_sys::Win32::Security::Authorization::{
    ConvertSidToStringSidW, GetNamedSecurityInfoW, SetEntriesInAclW, SetNamedSecurityInfoW,
    EXPLICIT_ACCESS_W, NO_MULTIPLE_TRUSTEE, SET_ACCESS, SE_FILE_OBJECT, TRUSTEE_IS_SID,
    TRUSTEE_IS_USER, TRUSTEE_W,
};
use windows_sys::Win32::Security::{
    EqualSid, GetAce, GetTokenInformation, TokenUser, ACCESS_ALLOWED_ACE, ACE_HEADER, ACL,
    DACL_SECURITY_INFORMATION, NO_INHERITANCE, PROTECTED_DACL_SECURITY_INFORMATION,
    PSECURITY_DESCRIPTOR, PSID, SUB_CONTAINERS_AND_OBJECTS_INHERIT, TOKEN_QUERY, TOKEN_USER,
};
use windows_sys::Win32::System::Threading::{GetCurrentProcess, OpenProcessToken};

/// The ACE type of an "allow" entry (winnt.h).
const ACCESS_ALLOWED_ACE_TYPE: u8 = 0;

fn wide(path: &Path) -> Vec<u16> {
    path.as_os_str().encode_wide().chain(Some(0)).collect()
}

fn win32(code: u32) -> io::Result<()> {
    if code == ERROR_SUCCESS {
        Ok(())
    } else {
        Err(io::Error::from_raw_os_error(code as i32))
    }
}

/// The current user's SID, in a buffer that owns it.
struct UserSid {
    buf: Vec<u64>,
}

impl UserSid {
    fn current() -> io::Result<UserSid> {
        // SAFETY: the token handle is closed on every path; the buffer is sized by the
        // first call and 8-byte aligned for TOKEN_USER.
        unsafe {
            let mut token: HANDLE = null_mut();
            if OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &mut token) == 0 {
                return Err(io::Error::last_os_error());
            }
            let mut len = 0u32;
            GetTokenInformation(token, TokenUser, null_mut(), 0, &mut len);
            let mut buf = vec![0u64; (len as usize).div_ceil(8).max(1)];
            let ok = GetTokenInformation(token, TokenUser, buf.as_mut_ptr().cast(), len, &mut len);
            let err = io::Error::last_os_error();
            CloseHandle(token);
            if ok == 0 {
                return Err(err);
            }
            Ok(UserSid { buf })
        }
    }

    fn sid(&self) -> PSID {
        // SAFETY: the buffer holds the TOKEN_USER that GetTokenInformation wrote.
        unsafe { (*(self.buf.as_ptr() as *const TOKEN_USER)).User.Sid }
    }
}

/// Gives `path` a protected access list that grants the current user alone; on a
/// directory, inherited by everything created inside it.
pub(super) fn restrict(path: &Path, directory: bool) -> io::Result<()> {
    let user = UserSid::current()?;
    let access = EXPLICIT_ACCESS_W {
        grfAccessPermissions: GENERIC_ALL,
        grfAccessMode: SET_ACCESS,
        grfInheritance: if directory {
            SUB_CONTAINERS_AND_OBJECTS_INHERIT
        } else {
            NO_INHERITANCE
        },
        Trustee: TRUSTEE_W {
            pMultipleTrustee: null_mut(),
            MultipleTrusteeOperation: NO_MULTIPLE_TRUSTEE,
            TrusteeForm: TRUSTEE_IS_SID,
            TrusteeType: TRUSTEE_IS_USER,
            ptstrName: user.sid().cast(),
        },
    };
    let name = wide(path);
    // SAFETY: `access` points at the SID owned by `user`, alive for both calls; the
    // new list is freed with LocalFree as SetEntriesInAclW requires.
    unsafe {
        let mut acl: *mut ACL = null_mut();
        win32(SetEntriesInAclW(1, &access, null(), &mut acl))?;
        let set = SetNamedSecurityInfoW(
            name.as_ptr(),
            SE_FILE_OBJECT,
            DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
            null_mut(),
            null_mut(),
            acl,
            null(),
        );
        LocalFree(acl.cast());
        win32(set)
    }
}

/// Who else the access list of `path` lets in; `None` when only the current user is.
pub(super) fn others(path: &Path) -> io::Result<Option<String>> {
    let user = UserSid::current()?;
    let name = wide(path);
    // SAFETY: the list points into the security descriptor, which is freed last; each
    // entry is read only after GetAce returned it.
    unsafe {
        let mut dacl: *mut ACL = null_mut();
        let mut sd: PSECURITY_DESCRIPTOR = null_mut();
        win32(GetNamedSecurityInfoW(
            name.as_ptr(),
            SE_FILE_OBJECT,
            DACL_SECURITY_INFORMATION,
            null_mut(),
            null_mut(),
            &mut dacl,
            null_mut(),
            &mut sd,
        ))?;
        let mut found = None;
        if dacl.is_null() {
            found = Some("everyone (it has no access list)".to_string());
        } else {
            for i in 0..u32::from((*dacl).AceCount) {
                let mut ace: *mut c_void = null_mut();
                if GetAce(dacl, i, &mut ace) == 0 {
                    continue;
                }
                if (*(ace as *const ACE_HEADER)).AceType != ACCESS_ALLOWED_ACE_TYPE {
                    continue;
                }
                let sid: PSID =
                    (&raw const (*(ace as *const ACCESS_ALLOWED_ACE)).SidStart) as *mut c_void;
                if EqualSid(sid, user.sid()) == 0 {
                    found = Some(sid_text(sid));
                    break;
                }
            }
        }
        LocalFree(sd);
        Ok(found)
    }
}

/// A SID as text (S-1-5-32-545 is Users, S-1-1-0 Everyone).
fn sid_text(sid: PSID) -> String {
    // SAFETY: the string is NUL-terminated and freed with LocalFree as documented.
    unsafe {
        let mut text: PWSTR = null_mut();
        if ConvertSidToStringSidW(sid, &mut text) == 0 {
            return "another account".into();
        }
        let len = (0..).take_while(|&i| *text.add(i) != 0).count();
        let s = String::from_utf16_lossy(std::slice::from_raw_parts(text, len));
        LocalFree(text.cast());
        s
    }
}
