# Installation and Debian packages (scripts/package.sh; docs/packaging.md).
#
# Four packages from one build, one per CPack component: cpn-console (the desktop application), cpn-nodesim,
# cpn-snapshot and cpn-gateway. Library dependencies are computed by dpkg-shlibdeps; what it cannot see (Qt's
# plugins, loaded at run time) is listed per package below.
include(GNUInstallDirs)

set(CPN_APP_ID cn.cpn.ControlCenter)
set(cpn_doc_components console nodesim snapshot gateway)
set(cpn_package_of_console cpn-console)
set(cpn_package_of_nodesim cpn-nodesim)
set(cpn_package_of_snapshot cpn-snapshot)
set(cpn_package_of_gateway cpn-gateway)

install(TARGETS cpn-console RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT console)
install(TARGETS cpn-nodesim RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT nodesim)
install(TARGETS cpn-snapshot RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT snapshot)
install(TARGETS cpn-gateway RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT gateway)

# The desktop entry, AppStream metadata and icons (the PNG sizes drawn from the SVG at build time).
set(cpn_packaging ${PROJECT_SOURCE_DIR}/packaging)
install(FILES ${cpn_packaging}/${CPN_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications
        COMPONENT console)
install(FILES ${cpn_packaging}/${CPN_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo
        COMPONENT console)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/cpn.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${CPN_APP_ID}.svg COMPONENT console)
set(cpn_icon_pngs "")
foreach(size 16 24 32 48 64 128 256)
    set(png ${CMAKE_BINARY_DIR}/icons/${size}x${size}/${CPN_APP_ID}.png)
    add_custom_command(OUTPUT ${png}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/icons/${size}x${size}
        COMMAND render-icon ${PROJECT_SOURCE_DIR}/resources/icons/cpn.svg ${size} ${png}
        DEPENDS render-icon ${PROJECT_SOURCE_DIR}/resources/icons/cpn.svg VERBATIM)
    list(APPEND cpn_icon_pngs ${png})
    install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps COMPONENT console)
endforeach()
add_custom_target(cpn_icons ALL DEPENDS ${cpn_icon_pngs})

# The translations, as files the console loads from <prefix>/share/cpn-console/translations (the same
# path relative to the executable in the build tree: bin/../share/cpn-console/translations).
install(FILES ${CPN_QM_FILES} DESTINATION ${CMAKE_INSTALL_DATADIR}/cpn-console/translations COMPONENT console)

# The gateway's service and its configuration example.
install(FILES ${cpn_packaging}/cpn-gateway.service DESTINATION lib/systemd/system COMPONENT gateway)
# /etc whatever the prefix: where the unit reads it, and where Debian wants configuration.
install(FILES ${PROJECT_SOURCE_DIR}/app/gateway/gateway.conf.example DESTINATION /etc/cpn-gateway COMPONENT gateway)

# Man pages, made by help2man from each command's --help and --version: one text for both.
find_program(HELP2MAN help2man)
find_program(GZIP gzip)
if(HELP2MAN AND GZIP)
    set(cpn_man_console "the console of the national computing-power network")
    set(cpn_man_nodesim "reference server and simulator of the CPN node protocol")
    set(cpn_man_snapshot "record, verify, describe and compare CPN snapshots")
    set(cpn_man_gateway "serve the CPN node protocol for a site's Prometheus and Slurm")
    set(cpn_man_pages "")
    foreach(component IN LISTS cpn_doc_components)
        set(program ${cpn_package_of_${component}})
        set(page ${CMAKE_BINARY_DIR}/man/${program}.1)
        add_custom_command(OUTPUT ${page}.gz
            COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
            # PATH, so that the usage line names the program as it is installed, not its build path.
            COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C.UTF-8 LANG=C.UTF-8 --unset=LANGUAGE
                    "PATH=$<TARGET_FILE_DIR:${program}>:$ENV{PATH}"
                    ${HELP2MAN} --no-info --no-discard-stderr --section=1
                    "--name=${cpn_man_${component}}" --output=${page} ${program}
            COMMAND ${GZIP} -9nf ${page}
            DEPENDS ${program} VERBATIM)
        list(APPEND cpn_man_pages ${page}.gz)
        install(FILES ${page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT ${component})
    endforeach()
    add_custom_target(cpn_man_pages ALL DEPENDS ${cpn_man_pages})
else()
    message(STATUS "help2man or gzip not found: no man pages (scripts/install-deps.sh installs help2man)")
endif()

# Each package's copyright and changelog, as Debian policy places them.
set(cpn_changelog ${CMAKE_BINARY_DIR}/packaging/changelog.gz)
add_custom_command(OUTPUT ${cpn_changelog}
    COMMAND ${CMAKE_COMMAND} -E copy ${cpn_packaging}/changelog ${CMAKE_BINARY_DIR}/packaging/changelog
    COMMAND ${GZIP} -9nf ${CMAKE_BINARY_DIR}/packaging/changelog
    DEPENDS ${cpn_packaging}/changelog VERBATIM)
add_custom_target(cpn_changelog ALL DEPENDS ${cpn_changelog})
foreach(component IN LISTS cpn_doc_components)
    install(FILES ${cpn_packaging}/copyright ${cpn_changelog}
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${cpn_package_of_${component}} COMPONENT ${component})
endforeach()

# CPack: Debian packages, one per component.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cpn-control-center)
set(CPACK_PACKAGE_VENDOR "CPN Control Center developers")
set(CPACK_PACKAGE_CONTACT "CPN Control Center maintainers <maintainers@cpn-control-center.example.org>")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://cpn-control-center.example.org/")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Each package's own first line (CPACK_DEBIAN_<COMPONENT>_DESCRIPTION) is its synopsis: none shared.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL ${cpn_doc_components})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SOURCE cpn-control-center)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
foreach(component IN LISTS cpn_doc_components)
    string(TOUPPER ${component} C)
    set(CPACK_DEBIAN_${C}_PACKAGE_NAME ${cpn_package_of_${component}})
endforeach()
# Run-time loaded Qt plugins: SQLite (the cache, the gateway's job history), SVG (icons), the platforms.
set(CPACK_DEBIAN_CONSOLE_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6, qt6-qpa-plugins")
set(CPACK_DEBIAN_CONSOLE_PACKAGE_RECOMMENDS "cpn-nodesim (= ${PROJECT_VERSION}), qt6-translations-l10n, fonts-noto-cjk, gnome-keyring")
set(CPACK_DEBIAN_CONSOLE_PACKAGE_SUGGESTS "cpn-snapshot")
set(CPACK_DEBIAN_CONSOLE_PACKAGE_SECTION x11)
set(CPACK_DEBIAN_SNAPSHOT_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_GATEWAY_PACKAGE_DEPENDS "libqt6sql6-sqlite")
# Its configuration example under /etc is a conffile: an administrator's edits survive upgrades.
set(CPACK_DEBIAN_GATEWAY_PACKAGE_CONTROL_EXTRA ${cpn_packaging}/gateway/conffiles)
set(CPACK_DEBIAN_GATEWAY_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_GATEWAY_PACKAGE_SUGGESTS "prometheus, prometheus-alertmanager, slurmrestd")
set(CPACK_DEBIAN_CONSOLE_DESCRIPTION "control center of a national computing-power network
The console of a national computing-power network (CPN) of interconnection
nodes: a map of the nodes and links with their status, live charts from a
local cache, alarms, shift handover, job placement, and snapshots replayed
offline. English and Simplified Chinese.")
set(CPACK_DEBIAN_NODESIM_DESCRIPTION "reference server and simulator of the CPN node protocol
Serves the CPN node protocol (HTTP/JSON with OAuth 2) for a simulated
federation of computing-power nodes, with faults that can be injected. The
console's demo mode starts it.")
set(CPACK_DEBIAN_SNAPSHOT_DESCRIPTION "record, verify and compare CPN snapshots
Records a computing-power network's directory, metrics and events into a
snapshot file, verifies its integrity, describes it and compares two.")
set(CPACK_DEBIAN_GATEWAY_DESCRIPTION "CPN node protocol for a site's Prometheus and Slurm
Serves the CPN node protocol on top of a real site: metrics and history from
Prometheus, alarms from Alertmanager, offers and jobs through slurmrestd.")
include(CPack)
