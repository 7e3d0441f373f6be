//! Installing Debian packages the project needs, only when they are missing.

use std::path::Path;
use std::process::Command;

use anyhow::{Result, bail};

/// Installs `packages` with apt-get unless every path in `present` exists already.
pub fn ensure(packages: &[&str], present: &[&str]) -> Result<()> {
    if present.iter().all(|p| Path::new(p).exists()) {
        return Ok(());
    }
    eprintln!("xtask: installing Debian packages {}", packages.join(" "));
    if install(packages)? {
        return Ok(());
    }
    // A fresh machine may have no package lists yet.
    apt_get(&["update", "-qq"])?;
    if !install(packages)? {
        bail!("apt-get could not install {}", packages.join(" "));
    }
    Ok(())
}

fn install(packages: &[&str]) -> Result<bool> {
    let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
    args.extend_from_slice(packages);
    apt_get(&args)
}

fn apt_get(args: &[&str]) -> Result<bool> {
    let mut cmd = Command::new("apt-get");
    cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
    // Not root: try sudo, which a developer's own machine usually has.
    let is_root = std::env::var("USER").map(|u| u == "root").unwrap_or(false)
        || Command::new("id")
            .arg("-u")
            .output()
            .map(|o| o.stdout.starts_with(b"0"))
            .unwrap_or(false);
    if !is_root {
        let mut sudo = Command::new("sudo");
        sudo.arg("-n")
            .arg("apt-get")
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive");
        cmd = sudo;
    }
    match cmd.status() {
        Ok(status) => Ok(status.success()),
        Err(e) => bail!(
            "could not run apt-get ({e}); install {} by hand",
            args.join(" ")
        ),
    }
}

/// Downloads the `.deb` of `package` into `dir` (no installation, no root)
/// and unpacks it into `dir/root`; returns that root.
pub fn unpack(package: &str, dir: &Path) -> Result<std::path::PathBuf> {
    let root = dir.join("root");
    if root.exists() {
        return Ok(root);
    }
    std::fs::create_dir_all(dir)?;
    let download = || {
        Command::new("apt-get")
            // Downloading as root into a folder apt's own user cannot
            // write makes apt warn; the sandbox user changes nothing here.
            .args(["-o", "APT::Sandbox::User=root", "download", "-qq", package])
            .current_dir(dir)
            .status()
            .map(|s| s.success())
    };
    if !download()? {
        // A fresh machine may have no package lists yet.
        apt_get(&["update", "-qq"])?;
        if !download()? {
            bail!("apt-get could not download {package}");
        }
    }
    let deb = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "deb"));
    let Some(deb) = deb else {
        bail!(
            "apt-get download left no .deb of {package} in {}",
            dir.display()
        );
    };
    let tmp = dir.join("root.tmp");
    let _ = std::fs::remove_dir_all(&tmp);
    let ok = Command::new("dpkg-deb")
        .arg("-x")
        .arg(&deb)
        .arg(&tmp)
        .status()?
        .success();
    if !ok {
        bail!("dpkg-deb could not unpack {}", deb.display());
    }
    std::fs::rename(&tmp, &root)?;
    Ok(root)
}
