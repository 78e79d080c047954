package org.tickerdesk.platform.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.tickerdesk.platform.entity.Account;
import org.tickerdesk.platform.entity.Role;

/** The admin's user accounts. Passwords arrive as characters and leave only as PBKDF2 hashes. */
@Stateless
public class Accounts {

    public static final int MIN_PASSWORD_LENGTH = 8;

    @PersistenceContext(unitName = "tickerdesk")
    EntityManager em;

    @Inject PasswordHashing hashing;

    public long count() {
        return em.createQuery("SELECT COUNT(a) FROM Account a", Long.class).getSingleResult();
    }

    public Optional<Account> find(String username) {
        return Optional.ofNullable(em.find(Account.class, username));
    }

    public Account create(String username, char[] password, Role role) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException(
                    "A password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (find(username).isPresent()) {
            throw new IllegalArgumentException("The user " + username + " exists already");
        }
        Account account = new Account(username, hashing.hash(password), role);
        em.persist(account);
        return account;
    }
}
